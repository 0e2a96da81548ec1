package dev.nplusone.agent;

import dev.nplusone.failure.Failures;
import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Installs the agent's hooks ({@link Plugins}) with what they share: a {@link SievingTransformer}
 * that lets through to Byte Buddy only the classes a hook's sieve accepts, advice inlined into the
 * application's own classes, retransformation of those classes loaded before the agent (an attach,
 * or a driver loaded early), failures logged once, and the JDK and the agent itself left alone.
 *
 * <p>Byte Buddy is loaded and its transformer built when the first class passes a sieve, not here:
 * loading it (some 850 classes, one of them generated) was most of what the agent cost a JVM's
 * start. Advice adds no fields or methods, so retransformation is allowed, and {@link
 * Installation#reset} can take it all out again.
 */
final class Instrumenter {

    private Instrumenter() {
    }

    static Installation install(Instrumentation inst, ClassLoader agentLoader, List<Hook> hooks) {
        SievingTransformer transformer = transformer(agentLoader, hooks);
        inst.addTransformer(transformer, true);
        retransform(inst, transformer.candidates(inst));
        return new Installation(inst, transformer);
    }

    /** The hooks' sieves in front of their Byte Buddy transformer, which is built when a class first passes. */
    static SievingTransformer transformer(ClassLoader agentLoader, List<Hook> hooks) {
        List<ClassSieve> sieves = new ArrayList<>();
        for (Hook hook : hooks) {
            sieves.add(hook.sieve());
        }
        Set<String> jdkClasses = jdkClasses(hooks);
        ClassSieve sieve = ClassSieve.anyOf(sieves).or(ClassSieve.named(jdkClasses.toArray(new String[0])));
        return new SievingTransformer(agentLoader, sieve, () -> byteBuddy(agentLoader, hooks));
    }

    /** The JDK's classes the hooks instrument: those they list, and those their sieves name (names outside the JDK do no harm). */
    private static Set<String> jdkClasses(List<Hook> hooks) {
        Set<String> jdkClasses = new HashSet<>();
        for (Hook hook : hooks) {
            jdkClasses.addAll(hook.jdkClasses());
            jdkClasses.addAll(hook.sieve().names());
        }
        return jdkClasses;
    }

    /** The hooks as Byte Buddy's transformer, not installed: the sieving transformer calls it. */
    static ClassFileTransformer byteBuddy(ClassLoader agentLoader, List<Hook> hooks) {
        Set<String> jdkClasses = jdkClasses(hooks);
        // Advice needs no nexus (a helper Byte Buddy injects into the system class loader for
        // generated types); without this, merely building an AgentBuilder reaches for
        // sun.misc.Unsafe, which JDK 24+ reports with a warning. The name is relocated, so ours alone.
        System.setProperty(Nexus.PROPERTY, "true");
        AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
        AgentBuilder agent = new AgentBuilder.Default()
                .disableClassFormatChanges()
                // Classes already loaded are described by reflection, classes being loaded from their
                // bytes. Describing loaded classes from their class files instead (POOL_FIRST) read and
                // parsed hundreds of JDK class files at every start: +270 ms on a trivial main.
                .with(AgentBuilder.DescriptionStrategy.Default.HYBRID)
                .with(new InstrumentationFailures())
                .ignore(any(), is(agentLoader))
                .or(ignored(jdkClasses));
        for (Hook hook : hooks) {
            agent = hook.install(agent, advice);
        }
        return agent.makeRaw();
    }

    /** The JDK (but for the classes hooks ask for), the agent itself, and generated classes. */
    private static ElementMatcher.Junction<TypeDescription> ignored(Set<String> jdkClasses) {
        return nameStartsWith("java.").or(nameStartsWith("jdk.")).or(nameStartsWith("sun.")).or(nameStartsWith("com.sun."))
                .and(not(namedOneOf(jdkClasses.toArray(new String[0]))))
                .or(nameStartsWith("dev.nplusone.boot.").or(nameStartsWith("dev.nplusone.bridge.")))
                .or(isSynthetic());
    }

    /** Retransforms classes loaded before; one that fails is logged and stays as it was, the others go on. */
    private static void retransform(Instrumentation inst, List<Class<?>> classes) {
        if (classes.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
        } catch (Throwable together) {
            for (Class<?> type : classes) {
                try {
                    inst.retransformClasses(type);
                } catch (Throwable failure) {
                    Failures.caught("retransforming " + type.getName(), failure);
                }
            }
        }
    }

    /** The installed instrumentation, to be taken out at detach. */
    static final class Installation {

        private final Instrumentation inst;
        private final SievingTransformer transformer;

        private Installation(Instrumentation inst, SievingTransformer transformer) {
            this.inst = inst;
            this.transformer = transformer;
        }

        /** Removes the transformer and returns the classes it changed to what they were. */
        void reset() {
            inst.removeTransformer(transformer);
            if (transformer.byteBuddyBuilt()) {
                retransform(inst, transformer.candidates(inst));
            }
        }
    }

    /** Failures to transform one class: logged once, the class stays as it was. */
    private static final class InstrumentationFailures extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            Failures.caught("instrumenting " + typeName, throwable);
        }
    }
}

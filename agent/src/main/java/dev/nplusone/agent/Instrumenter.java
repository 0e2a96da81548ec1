package dev.nplusone.agent;

import dev.nplusone.failure.Failures;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
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
 * Installs the agent's hooks ({@link Plugins}) with Byte Buddy, with what they share: advice
 * inlined into the application's own classes, retransformation of classes loaded before the agent
 * (an attach, or a driver loaded early), failures logged once, and the JDK and the agent itself
 * left alone.
 *
 * <p>Advice adds no fields or methods, so retransformation is allowed, and {@link
 * ResettableClassFileTransformer#reset} can take it all out again.
 */
final class Instrumenter {

    private Instrumenter() {
    }

    static ResettableClassFileTransformer install(Instrumentation inst, ClassLoader agentLoader, List<Hook> hooks) {
        // Advice needs no nexus (a helper Byte Buddy injects into the system class loader for
        // generated types); without this, merely building an AgentBuilder reaches for
        // sun.misc.Unsafe, which JDK 24+ reports with a warning. The name is relocated, so ours alone.
        System.setProperty(Nexus.PROPERTY, "true");
        AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
        Set<String> jdkClasses = new HashSet<>();
        for (Hook hook : hooks) {
            jdkClasses.addAll(hook.jdkClasses());
        }
        AgentBuilder agent = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(RedefinitionStrategy.RETRANSFORMATION)
                .with(new RetransformationFailures())
                // Classes already loaded are described by reflection, classes being loaded from their
                // bytes. Describing loaded classes from their class files instead (POOL_FIRST) read and
                // parsed hundreds of JDK class files at every start: +270 ms on a trivial main.
                .with(AgentBuilder.DescriptionStrategy.Default.HYBRID)
                .with(LoadedTypeFallback.INSTANCE)
                .with(new InstrumentationFailures())
                // The agent's own classes and the libraries it bundles first: a check of the loader
                // alone, where the name and modifier checks below would read each class file.
                .ignore(any(), is(agentLoader))
                .or(ignored(jdkClasses));
        for (Hook hook : hooks) {
            agent = hook.install(agent, advice);
        }
        return agent.installOn(inst);
    }

    /** The JDK (but for the classes hooks ask for), the agent itself, and generated classes. */
    private static ElementMatcher.Junction<TypeDescription> ignored(Set<String> jdkClasses) {
        return nameStartsWith("java.")
                .or(nameStartsWith("jdk."))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun.").and(not(namedOneOf(jdkClasses.toArray(new String[0])))))
                .or(nameStartsWith("dev.nplusone.boot.").or(nameStartsWith("dev.nplusone.bridge.")))
                .or(isSynthetic());
    }

    /** Failures to transform one class: logged once, the class stays as it was. */
    private static final class InstrumentationFailures extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            Failures.caught("instrumenting " + typeName, throwable);
        }
    }

    /** Failures to retransform classes loaded before the agent: logged once, those classes stay as they were. */
    private static final class RetransformationFailures extends RedefinitionStrategy.Listener.Adapter {
        @Override
        public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable throwable, List<Class<?>> types) {
            Failures.caught("retransforming " + batch, throwable);
            return Collections.emptyList();
        }
    }
}

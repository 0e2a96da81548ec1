package dev.nplusone.agent;

import dev.nplusone.failure.Failures;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * The hooks' Byte Buddy transformer, with the settings they share: advice inlined without changing
 * a class's format (so classes already loaded can be retransformed, and reset), loaded classes
 * described by reflection, failures logged once, and the JDK, the agent and generated classes left
 * alone. Only the {@link SievingTransformer} calls it, for the classes it lets through; the first
 * such class loads Byte Buddy.
 */
final class HookTransformer implements SievingTransformer.Hooks {

    private final ResettableClassFileTransformer transformer;

    private HookTransformer(ResettableClassFileTransformer transformer) {
        this.transformer = transformer;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile)
            throws IllegalClassFormatException {
        return transformer.transform(module, loader, name, redefined, domain, classFile);
    }

    /** Whether a hook would transform a class already loaded, judged as Byte Buddy's own retransformation judges it. */
    @Override
    public boolean matches(Class<?> loaded) {
        return transformer.iterator(TypeDescription.ForLoadedType.of(loaded), loaded.getClassLoader(), JavaModule.ofType(loaded), loaded,
                loaded.getProtectionDomain()).hasNext();
    }

    /** The hooks as Byte Buddy's transformer, not installed: the sieving transformer calls it. */
    static HookTransformer of(ClassLoader agentLoader, List<Hook> hooks) {
        Set<String> jdkClasses = Instrumenter.jdkClasses(hooks);
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
                .with(LoadedTypeFallback.INSTANCE)
                .with(new InstrumentationFailures())
                .ignore(any(), is(agentLoader))
                .or(ignored(jdkClasses));
        for (Hook hook : hooks) {
            agent = hook.install(agent, advice);
        }
        // An AgentBuilder.Default makes a ResettableClassFileTransformer; makeRaw only declares the interface.
        return new HookTransformer((ResettableClassFileTransformer) agent.makeRaw());
    }

    /** The JDK (but for the classes hooks ask for), the agent itself, and generated classes. */
    private static ElementMatcher.Junction<TypeDescription> ignored(Set<String> jdkClasses) {
        return nameStartsWith("java.").or(nameStartsWith("jdk.")).or(nameStartsWith("sun.")).or(nameStartsWith("com.sun."))
                .and(not(namedOneOf(jdkClasses.toArray(new String[0]))))
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
}

package dev.nplusone.agent;

import dev.nplusone.failure.Failures;
import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Installs the agent's hooks ({@link Plugins}) with what they share: a {@link SievingTransformer}
 * that lets through to Byte Buddy only the classes a hook's sieve accepts, advice inlined into the
 * application's own classes, retransformation of those classes loaded before the agent (an attach,
 * or a driver loaded early), failures logged once, and the JDK and the agent itself left alone.
 *
 * <p>Byte Buddy is loaded and its transformer ({@link HookTransformer}) built when the first class
 * passes a sieve, not here: loading it (some 850 classes, one of them generated) was most of what
 * the agent cost a JVM's start. This class names no Byte Buddy type, so loading it loads none.
 * Advice adds no fields or methods, so retransformation is allowed, and {@link Installation#reset}
 * can take it all out again.
 */
final class Instrumenter {

    private Instrumenter() {
    }

    static Installation install(Instrumentation inst, ClassLoader agentLoader, List<Hook> hooks) {
        SievingTransformer transformer = transformer(agentLoader, hooks);
        inst.addTransformer(transformer, true);
        retransform(inst, transformer.loadedClassesToTransform(inst));
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
        return new SievingTransformer(agentLoader, sieve, () -> HookTransformer.of(agentLoader, hooks));
    }

    /** The JDK's classes the hooks instrument: those they list, and those their sieves name (names outside the JDK do no harm). */
    static Set<String> jdkClasses(List<Hook> hooks) {
        Set<String> jdkClasses = new HashSet<>();
        for (Hook hook : hooks) {
            jdkClasses.addAll(hook.jdkClasses());
            jdkClasses.addAll(hook.sieve().names());
        }
        return jdkClasses;
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
                retransform(inst, transformer.loadedClassesToTransform(inst));
            }
        }
    }
}

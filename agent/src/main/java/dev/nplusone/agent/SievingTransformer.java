package dev.nplusone.agent;

import dev.nplusone.failure.Failures;
import dev.nplusone.hook.ClassSieve;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The agent's one class file transformer: every class the JVM loads or retransforms goes through
 * the hooks' {@link ClassSieve}s first, with JDK code alone, and only a class one of them lets
 * through is handed to Byte Buddy's transformer, which is built (Byte Buddy loaded, the hooks'
 * matchers made) when the first such class comes. A JVM that never loads one never loads Byte
 * Buddy.
 *
 * <p>A class that passes while Byte Buddy's transformer is being built waits for it, and is
 * instrumented: none is missed. Building it happens on the thread that loads the first such class
 * (building it ahead on a thread of its own was tried: it cost a short-lived JVM more than it saved).
 *
 * <p>Classes loaded before the agent are put through the same sieve, their class files as their
 * loaders serve them, and then through Byte Buddy's matchers ({@link #loadedClassesToTransform}).
 * Only those are retransformed.
 */
final class SievingTransformer implements ClassFileTransformer {

    /** Never instrumented, unless a sieve names the class: the JDK, and the agent's own classes outside its loader. */
    private static final String[] LEFT_ALONE = {"java/", "jdk/", "sun/", "com/sun/", "dev/nplusone/boot/", "dev/nplusone/bridge/"};

    private final ClassLoader agentLoader;
    private final ClassSieve sieve;
    private final ClassSieve.Strings strings;
    private final Supplier<Hooks> byteBuddy;
    private volatile Hooks delegate;

    /**
     * @param byteBuddy builds Byte Buddy's transformer of the hooks; called once, when a class first
     *                  passes the sieve
     */
    SievingTransformer(ClassLoader agentLoader, ClassSieve sieve, Supplier<Hooks> byteBuddy) {
        this.agentLoader = agentLoader;
        this.sieve = sieve;
        this.strings = sieve.strings();
        this.byteBuddy = byteBuddy;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
        if (name == null || loader == agentLoader) {
            return null; // a hidden class, or the agent's own (Byte Buddy's among them, while it is being loaded)
        }
        try {
            if (!passes(name, classFile)) {
                return null;
            }
            return byteBuddy().transform(module, loader, name, redefined, domain, classFile);
        } catch (Throwable failure) {
            Failures.caught("instrumenting " + name, failure);
            return null;
        }
    }

    /** Whether a class being loaded goes on to Byte Buddy. */
    boolean passes(String name, byte[] classFile) {
        if (sieve.passesByName(name)) {
            return true;
        }
        return !leftAlone(name) && sieve.readsClassFiles() && strings.foundIn(classFile);
    }

    private static boolean leftAlone(String internalName) {
        for (String prefix : LEFT_ALONE) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Hooks byteBuddy() {
        Hooks built = delegate;
        if (built == null) {
            synchronized (this) {
                built = delegate;
                if (built == null) {
                    built = build();
                    delegate = built;
                }
            }
        }
        return built;
    }

    private Hooks build() {
        try {
            return byteBuddy.get();
        } catch (Throwable failure) {
            Failures.caught("setting up instrumentation (nothing will be instrumented)", failure);
            return NONE;
        }
    }

    /** What the sieve hands its classes to: the hooks' Byte Buddy transformer ({@link HookTransformer}). */
    interface Hooks {

        /** As {@link ClassFileTransformer#transform(Module, ClassLoader, String, Class, ProtectionDomain, byte[])}. */
        byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile)
                throws IllegalClassFormatException;

        /** Whether a hook transforms this class, already loaded. */
        boolean matches(Class<?> loaded);
    }

    /** Hooks that transform nothing: what is left when Byte Buddy cannot be set up. */
    private static final Hooks NONE = new Hooks() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
            return null;
        }

        @Override
        public boolean matches(Class<?> loaded) {
            return false;
        }
    };

    /** Whether Byte Buddy's transformer has been built: whether any class passed the sieve. */
    boolean byteBuddyBuilt() {
        return delegate != null;
    }

    /**
     * The classes already loaded that a hook transforms: those that pass the sieve, by name or by
     * their class file as their loader serves it (a class whose class file cannot be read so,
     * generated at run time or of the bootstrap loader, passes), and then Byte Buddy's matchers.
     * Only those may be retransformed: retransforming any other class, even to the same bytes,
     * would make the methods running in it obsolete, and their frames lose their source lines.
     */
    List<Class<?>> loadedClassesToTransform(Instrumentation inst) {
        List<Class<?>> matched = new ArrayList<>();
        for (Class<?> type : candidates(inst)) {
            try {
                if (byteBuddy().matches(type)) {
                    matched.add(type);
                }
            } catch (Throwable failure) {
                Failures.caught("matching " + type.getName(), failure);
            }
        }
        return matched;
    }

    private List<Class<?>> candidates(Instrumentation inst) {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getClassLoader() == agentLoader || !inst.isModifiableClass(type)) {
                continue;
            }
            String name = type.getName();
            if (sieve.passesByName(name)
                    || !leftAlone(name.replace('.', '/')) && sieve.readsClassFiles() && classFilePasses(type)) {
                candidates.add(type);
            }
        }
        return candidates;
    }

    private boolean classFilePasses(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return true;
        }
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in == null || strings.foundIn(in.readAllBytes());
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }
}

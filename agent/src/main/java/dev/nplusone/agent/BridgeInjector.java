package dev.nplusone.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Puts {@code dev.nplusone.bridge} into the bootstrap class loader, where instrumented code of
 * every class loader can reach it.
 *
 * <p>It defines the two bridge classes directly, through the JDK's own native define method,
 * which the instrumentation lets the agent open. Appending a jar to the bootstrap search path would
 * work too, but makes the JVM print a warning and give up class data sharing for application
 * classes, slowing start-up; that remains the fallback. Must run before any class that names the
 * bridge is loaded.
 */
public final class BridgeInjector {

    static final String BRIDGE = "dev.nplusone.bridge.Bridge";
    private static final String[] CLASSES = {BRIDGE, BRIDGE + "$Hooks",
            "dev.nplusone.bridge.Propagation", "dev.nplusone.bridge.Propagation$Hooks", "dev.nplusone.bridge.Propagation$Ending",
            "dev.nplusone.bridge.TaskRunnable", "dev.nplusone.bridge.TaskCallable"};

    private BridgeInjector() {
    }

    public static void inject(Instrumentation inst, File agentJar) throws IOException {
        if (inBootstrap()) {
            return; // attached before, in this JVM
        }
        try (JarFile jar = new JarFile(agentJar, false)) {
            defineInBootstrap(inst, jar);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            // fall back below
        }
        if (!inBootstrap()) {
            inst.appendToBootstrapClassLoaderSearch(new JarFile(agentJar, false));
        }
    }

    // ClassLoader.defineClass1(null, ...) defines a class in the bootstrap loader (JDK 9 and newer).
    private static void defineInBootstrap(Instrumentation inst, JarFile jar) throws IOException, ReflectiveOperationException {
        Module base = Object.class.getModule();
        inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(BridgeInjector.class.getModule())), Set.of(), Map.of());
        Method define = ClassLoader.class.getDeclaredMethod("defineClass1", ClassLoader.class, String.class, byte[].class,
                int.class, int.class, ProtectionDomain.class, String.class);
        define.setAccessible(true);
        for (String name : CLASSES) {
            byte[] bytes = read(jar, name.replace('.', '/') + ".class");
            define.invoke(null, null, name, bytes, 0, bytes.length, null, "nplusone");
        }
    }

    private static byte[] read(JarFile jar, String entryName) throws IOException {
        JarEntry entry = jar.getJarEntry(entryName);
        if (entry == null) {
            throw new IOException(entryName + " is missing from " + jar.getName());
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static boolean inBootstrap() {
        try {
            Class.forName(BRIDGE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

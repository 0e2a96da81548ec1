package dev.nplusone.agent;

import net.bytebuddy.dynamic.loading.ClassInjector;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Puts {@code dev.nplusone.bridge} into the bootstrap class loader, where instrumented code of
 * every class loader can reach it.
 *
 * <p>It defines the two bridge classes directly, as Byte Buddy can with the instrumentation's
 * help. Appending a jar to the bootstrap search path would work too, but makes the JVM print a
 * warning and give up class data sharing for application classes, slowing start-up; that remains
 * the fallback. Must run before any class that names the bridge is loaded.
 */
public final class BridgeInjector {

    static final String BRIDGE = "dev.nplusone.bridge.Bridge";
    private static final String[] CLASSES = {BRIDGE, BRIDGE + "$Hooks"};

    private BridgeInjector() {
    }

    public static void inject(Instrumentation inst, File agentJar) throws IOException {
        if (inBootstrap()) {
            return; // attached before, in this JVM
        }
        try (JarFile jar = new JarFile(agentJar, false)) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (String name : CLASSES) {
                JarEntry entry = jar.getJarEntry(name.replace('.', '/') + ".class");
                try (InputStream in = jar.getInputStream(entry)) {
                    classes.put(name, in.readAllBytes());
                }
            }
            try {
                ClassInjector.UsingUnsafe.Factory factory = ClassInjector.UsingUnsafe.Factory.resolve(inst);
                if (factory.isAvailable()) {
                    factory.make(null, null).injectRaw(classes);
                }
            } catch (RuntimeException | LinkageError unavailable) {
                // fall back below
            }
        }
        if (!inBootstrap()) {
            inst.appendToBootstrapClassLoaderSearch(new JarFile(agentJar, false));
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

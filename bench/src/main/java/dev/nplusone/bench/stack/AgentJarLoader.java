package dev.nplusone.bench.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's own classes out of the shipped agent jar, where they are stored as
 * {@code inst/**.classdata}, so that a benchmark can call them directly: the code measured is the
 * code users run, not a copy compiled for the benchmark.
 */
final class AgentJarLoader extends ClassLoader {

    private final JarFile jar;

    AgentJarLoader(Path agentJar) throws IOException {
        super("nplusone-bench-agent", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(agentJar.toFile(), false);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry("inst/" + name.replace('.', '/') + ".classdata");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}

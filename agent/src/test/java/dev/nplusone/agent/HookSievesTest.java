package dev.nplusone.agent;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.IllegalClassFormatException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hooks' sieves refuse no class their Byte Buddy matchers would instrument. Every class file
 * of this module's test class path (H2, HikariCP, Tomcat, Hibernate, Spring, Quartz, Artemis,
 * Jackson, JUnit, the servlet and JMS APIs, and these tests' own classes) is given to the hooks'
 * Byte Buddy transformer alone and to the sieving transformer's sieve: every class the first
 * transforms, the second must let through. Both are the agent's real ones, built from {@link
 * Plugins#hooks()}, so a hook added there is checked too.
 */
class HookSievesTest {

    /** The corpus: class name to class file, read once. */
    private static final Map<String, byte[]> CLASSES = new TreeMap<>();
    private static URLClassLoader corpus;

    @BeforeAll
    static void readClassPath() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(entry);
            if (Files.isDirectory(path)) {
                readDirectory(path);
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                readJar(path);
            } else {
                continue;
            }
            urls.add(path.toUri().toURL());
        }
        // The classes are offered to the transformers as if this loader were loading them: it
        // serves their class files (and their super types') as resources.
        corpus = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void noClassAHookInstrumentsIsRefusedBySieve() throws Exception {
        // The agent's loader is where advice is read from; the corpus's loader is another, so that
        // nothing in it is left alone for being the agent's own.
        ClassLoader agentLoader = Instrumenter.class.getClassLoader();
        HookTransformer byteBuddy = HookTransformer.of(agentLoader, Plugins.hooks());
        SievingTransformer sieving = Instrumenter.transformer(agentLoader, Plugins.hooks());

        List<String> refused = new ArrayList<>();
        int instrumented = 0;
        int passed = 0;
        for (Map.Entry<String, byte[]> c : CLASSES.entrySet()) {
            boolean passes = sieving.passes(c.getKey(), c.getValue());
            passed += passes ? 1 : 0;
            if (instruments(byteBuddy, c.getKey(), c.getValue())) {
                instrumented++;
                if (!passes) {
                    refused.add(c.getKey());
                }
            }
        }
        System.out.printf("HookSievesTest: %d classes, %d passed the sieves, %d instrumented%n", CLASSES.size(), passed, instrumented);
        assertEquals(List.of(), refused, "classes the hooks instrument, refused by their sieves");
        // The corpus holds what the hooks are for (drivers, pools, servlets, filters, test classes,
        // Hibernate's collections, Jackson's mappers, jobs, listeners), and the sieves refuse most classes.
        assertTrue(instrumented >= 50, "instrumented only " + instrumented);
        assertTrue(passed < CLASSES.size() / 4, passed + " of " + CLASSES.size() + " passed the sieves");
    }

    @Test
    void classesTheHooksNameOrDescribePassTheirSieves() throws Exception {
        SievingTransformer sieving = Instrumenter.transformer(Instrumenter.class.getClassLoader(), Plugins.hooks());
        for (String name : new String[] {
            "org/h2/jdbcx/JdbcDataSource", "org/h2/Driver", "com/zaxxer/hikari/HikariDataSource",
            "org/hibernate/collection/spi/AbstractPersistentCollection", "com/fasterxml/jackson/databind/ObjectMapper",
            "dev/nplusone/agent/HookSievesTest",
        }) {
            assertTrue(sieving.passes(name, CLASSES.get(name)), name);
        }
        assertTrue(sieving.passes("com/sun/net/httpserver/Filter$Chain", new byte[0]), "a JDK class a hook names");
        assertTrue(!sieving.passes("java/util/ArrayList", CLASSES.get("org/h2/Driver")), "the JDK is left alone, whatever its class file");
    }

    /**
     * Whether Byte Buddy's transformer changes the class. It throws where it cannot resolve a super
     * type (a library's optional dependency, absent here); the JVM then leaves the class alone.
     */
    private static boolean instruments(HookTransformer byteBuddy, String name, byte[] classFile) {
        try {
            return byteBuddy.transform(corpus.getUnnamedModule(), corpus, name, null, null, classFile) != null;
        } catch (IllegalClassFormatException | RuntimeException unresolvable) {
            return false;
        }
    }

    private static void readDirectory(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                try {
                    add(root.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void readJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        add(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void add(String path, byte[] classFile) {
        String name = path.substring(0, path.length() - ".class".length());
        if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
            CLASSES.putIfAbsent(name, classFile);
        }
    }
}

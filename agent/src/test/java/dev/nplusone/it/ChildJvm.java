package dev.nplusone.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one test application in a child JVM, usually with the packaged agent, and keeps what it
 * left behind (standard output and error, the JSON report) in a directory of its own under
 * {@code target/it-work}, where a failing test can be looked into afterwards.
 *
 * <p>The build hands the paths over as system properties (see the failsafe configuration in
 * {@code agent/pom.xml}); they are read once here.
 */
final class ChildJvm {

    static final Path AGENT_JAR = pathProperty("nplusone.it.agentJar");
    static final Path WORK_DIR = pathProperty("nplusone.it.workDir");
    static final Path FOREIGN_LIBS = pathProperty("nplusone.it.foreignLibs");
    /** target/test-classes first, then every test-scope dependency jar. */
    static final List<Path> TEST_CLASSPATH = Arrays.stream(property("nplusone.it.classpath").split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(Paths::get)
            .collect(Collectors.toUnmodifiableList());

    /** Generous: a child normally ends within a few seconds; this only stops a hung one. */
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Class<?> mainClass;
    private final Path dir;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private List<Path> classpath = TEST_CLASSPATH;
    private Path javaHome = Paths.get(System.getProperty("java.home"));
    private String agentArgument; // null: no -javaagent at all

    private ChildJvm(String name, Class<?> mainClass) {
        this.name = name;
        this.mainClass = mainClass;
        this.dir = WORK_DIR.resolve(name);
    }

    /** A child running {@code mainClass}; {@code name} names its directory under target/it-work. */
    static ChildJvm of(String name, Class<?> mainClass) {
        return new ChildJvm(name, mainClass);
    }

    /** Attaches the agent with these options, after {@code report=} naming {@link #reportFile()}. */
    ChildJvm withAgent(String options) {
        return withAgentArgument("report=" + reportFile() + (options.isEmpty() ? "" : "," + options));
    }

    /** Attaches the agent with exactly this argument: {@code -javaagent:<jar>=<argument>}. */
    ChildJvm withAgentArgument(String argument) {
        this.agentArgument = argument;
        return this;
    }

    ChildJvm args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    ChildJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    ChildJvm classpath(List<Path> entries) {
        this.classpath = List.copyOf(entries);
        return this;
    }

    ChildJvm javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    /** Where {@link #withAgent} tells the agent to write its report. */
    Path reportFile() {
        return dir.resolve("report.json");
    }

    /** This child's own directory, emptied when it starts. */
    Path dir() {
        return dir;
    }

    Result run() {
        return start().await();
    }

    /**
     * Starts the child and returns at once, for an application that runs until it is told to stop;
     * {@link Running#await} then waits for its end as {@link #run} does.
     */
    Running start() {
        try {
            recreate(dir);
            List<String> command = command();
            Files.writeString(dir.resolve("command.txt"), String.join("\n", command) + "\n");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            return new Running(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started child. Closing it kills the child if it still runs (a test that failed half-way). */
    final class Running implements AutoCloseable {

        private final Process process;

        private Running(Process process) {
            this.process = process;
        }

        long pid() {
            return process.pid();
        }

        Path dir() {
            return dir;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** Standard output so far. */
        List<String> stdout() {
            return lines(dir.resolve("stdout.txt"));
        }

        /** Standard error so far. */
        List<String> stderr() {
            return lines(dir.resolve("stderr.txt"));
        }

        /** Waits until the child has printed a line starting with {@code prefix} on standard output; returns that line. */
        String awaitStdout(String prefix, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (String line : stdout()) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                if (!process.isAlive()) {
                    fail("child JVM '" + name + "' ended (exit " + process.exitValue() + ") before printing '" + prefix + "'; see " + dir
                            + "\n--- stderr:\n" + String.join("\n", stderr()));
                }
                if (System.nanoTime() > deadline) {
                    fail("child JVM '" + name + "' did not print '" + prefix + "' within " + timeout.toSeconds() + " s; see " + dir);
                }
                sleep(50);
            }
        }

        /** Waits for the child to end (failing the test when it does not) and returns what it left behind. */
        Result await() {
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    fail("child JVM '" + name + "' did not end within " + TIMEOUT.toSeconds() + " s; see " + dir);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + name, e);
            }
            return new Result(name, dir, process.pid(), process.exitValue(), stdout(), stderr(), reportFile());
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        // Short-lived children: the quick compiler alone and a simple collector start fastest on two cores.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        if (agentArgument != null) {
            command.add("-javaagent:" + AGENT_JAR + (agentArgument.isEmpty() ? "" : "=" + agentArgument));
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    // --- class path pieces ---------------------------------------------------------------------

    /** target/test-classes: the test applications. */
    static Path testClasses() {
        return TEST_CLASSPATH.stream().filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("no test-classes directory in " + TEST_CLASSPATH));
    }

    /** The one test-scope jar whose file name starts with {@code prefix}, e.g. {@code "h2-"}. */
    static Path jar(String prefix) {
        List<Path> matches = TEST_CLASSPATH.stream().filter(p -> p.getFileName().toString().startsWith(prefix)).collect(Collectors.toList());
        if (matches.size() != 1) {
            throw new IllegalStateException("expected one jar starting with '" + prefix + "', found " + matches);
        }
        return matches.get(0);
    }

    /** The test class path without the jars whose file names start with any of the prefixes. */
    static List<Path> testClasspathWithout(String... prefixes) {
        return TEST_CLASSPATH.stream()
                .filter(p -> Arrays.stream(prefixes).noneMatch(prefix -> p.getFileName().toString().startsWith(prefix)))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The jars in {@link #FOREIGN_LIBS}: the "application's own" logback, slf4j and Byte Buddy. */
    static List<Path> foreignLibraries() {
        try (Stream<Path> files = Files.list(FOREIGN_LIBS)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toUnmodifiableList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tomcat 9's embedded core from {@code nplusone.it.javaxLibs}: the last Tomcat on
     * {@code javax.servlet}, which bundles that API. Read when asked for, so that only the tests
     * that run a javax container need the property.
     */
    static Path javaxTomcat() {
        Path dir = pathProperty("nplusone.it.javaxLibs");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().startsWith("tomcat-embed-core-9.")).collect(Collectors.toList());
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one tomcat-embed-core-9.*.jar in " + dir + ", found " + jars);
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hibernate 7, the tests' ORM, and what it brings; and the javax mapping API compiled against. */
    private static final String[] TEST_ORM = {
        "hibernate-", "jakarta.persistence-api-", "jakarta.transaction-api-", "jboss-logging-", "classmate-",
        "jakarta.xml.bind-api-", "jakarta.activation-api-", "jaxb-", "angus-activation-", "txw2-", "istack-commons-runtime-",
        "jakarta.inject-api-", "antlr4-runtime-", "byte-buddy-", "javax.persistence-api-",
    };

    /**
     * The test class path with another Hibernate in place of the tests' Hibernate 7 and its
     * dependencies: the jars in {@code nplusone.it.hibernate<major>Libs} (see agent/pom.xml).
     */
    static List<Path> classpathWithHibernate(int major) {
        return classpathWithOrm(pathProperty("nplusone.it.hibernate" + major + "Libs"), "hibernate-core-" + major + ".");
    }

    /**
     * The test class path with EclipseLink in place of the tests' Hibernate 7 and its dependencies:
     * the jars in {@code nplusone.it.eclipselinkLibs} (see agent/pom.xml).
     */
    static List<Path> classpathWithEclipseLink() {
        return classpathWithOrm(pathProperty("nplusone.it.eclipselinkLibs"), "eclipselink-");
    }

    /** EclipseLink's jar, which is also its agent for load-time weaving. */
    static Path eclipseLinkJar() {
        return classpathWithEclipseLink().stream().filter(p -> p.getFileName().toString().startsWith("eclipselink-")).findFirst().orElseThrow();
    }

    private static List<Path> classpathWithOrm(Path dir, String ormJar) {
        List<Path> classpath = new ArrayList<>(testClasspathWithout(TEST_ORM));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith(ormJar))) {
                throw new IllegalStateException("no " + ormJar + "*.jar in " + dir + ": " + jars);
            }
            classpath.addAll(jars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classpath;
    }

    // --- plumbing ------------------------------------------------------------------------------

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set: run the integration tests with"
                    + " 'mvn verify' (failsafe sets it)");
        }
        return value;
    }

    private static Path pathProperty(String key) {
        return Paths.get(property(key)).toAbsolutePath();
    }
}

package dev.nplusone.it;

import dev.nplusone.testkit.BuildProperties;
import dev.nplusone.testkit.JvmLauncher;
import dev.nplusone.testkit.RunningJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one test application in a child JVM, usually with the packaged agent: the agent module's
 * face of the shared launcher ({@link JvmLauncher}), which keeps what the child left behind in a
 * directory of its own under {@code target/it-work}. What is the agent module's own stays here: the
 * test class path and the other libraries the build hands over, and where the agent writes its report.
 *
 * <p>The build hands the paths over as system properties (see the failsafe configuration in
 * {@code agent/pom.xml}); they are read once here.
 */
final class ChildJvm {

    static final Path AGENT_JAR = pathProperty("nplusone.it.agentJar");
    static final Path WORK_DIR = JvmLauncher.workRoot();
    static final Path FOREIGN_LIBS = pathProperty("nplusone.it.foreignLibs");
    /** target/test-classes first, then every test-scope dependency jar. */
    static final List<Path> TEST_CLASSPATH = BuildProperties.classpath("nplusone.it.classpath");

    private final JvmLauncher launcher;

    private ChildJvm(String name, Class<?> mainClass) {
        this.launcher = JvmLauncher.named(name).mainClass(mainClass.getName()).classpath(TEST_CLASSPATH);
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
        launcher.agent(AGENT_JAR, argument);
        return this;
    }

    ChildJvm args(String... values) {
        launcher.args(values);
        return this;
    }

    ChildJvm jvmOptions(String... options) {
        launcher.jvmOptions(options);
        return this;
    }

    ChildJvm classpath(List<Path> entries) {
        launcher.classpath(entries);
        return this;
    }

    ChildJvm javaHome(Path home) {
        launcher.javaHome(home);
        return this;
    }

    /** How long {@link #run} waits for the child to end; the launcher's default (90 s) otherwise. */
    ChildJvm timeout(java.time.Duration limit) {
        launcher.timeout(limit);
        return this;
    }

    /** Where {@link #withAgent} tells the agent to write its report. */
    Path reportFile() {
        return dir().resolve("report.json");
    }

    /** This child's own directory, emptied when it starts. */
    Path dir() {
        return launcher.dir();
    }

    Result run() {
        return start().await();
    }

    /**
     * Starts the child and returns at once, for an application that runs until it is told to stop;
     * {@link Running#await} then waits for its end as {@link #run} does.
     */
    Running start() {
        return new Running(launcher.start(), reportFile());
    }

    /** A started child, whose end is a {@link Result}. Closing it kills the child if it still runs (a test that failed half-way). */
    static final class Running extends RunningJvm {

        private final Path reportFile;

        private Running(RunningJvm started, Path reportFile) {
            super(started);
            this.reportFile = reportFile;
        }

        /** Waits for the child to end (failing the test when it does not) and returns what it left behind. */
        @Override
        public Result await() {
            return new Result(super.await(), reportFile);
        }
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

    private static Path pathProperty(String key) {
        return BuildProperties.path(key);
    }
}

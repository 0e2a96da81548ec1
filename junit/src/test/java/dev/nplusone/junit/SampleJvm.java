package dev.nplusone.junit;

import dev.nplusone.samples.SampleRunner;
import dev.nplusone.testkit.BuildProperties;
import dev.nplusone.testkit.JvmLauncher;
import dev.nplusone.testkit.JvmResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Runs sample test classes with {@link SampleRunner} in a child JVM, as a build's test JVM would,
 * through the shared launcher ({@link JvmLauncher}), and reads the outcomes the runner wrote.
 */
final class SampleJvm {

    /** target/test-classes, target/classes, then every test-scope dependency jar, the agent's among them. */
    static final List<Path> CLASSPATH = BuildProperties.classpath("nplusone.it.classpath");
    static final Path AGENT_JAR = CLASSPATH.stream().filter(p -> p.getFileName().toString().startsWith("nplusone-agent"))
            .findFirst().orElseThrow(() -> new IllegalStateException("no nplusone-agent jar in " + CLASSPATH));
    /** A whole JUnit Platform run, with an attach, on a busy machine; only a hung child waits this long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final JvmLauncher launcher;

    private SampleJvm(String name) {
        this.launcher = JvmLauncher.named(name).classpath(CLASSPATH).mainClass(SampleRunner.class.getName()).timeout(TIMEOUT);
    }

    static SampleJvm of(String name) {
        return new SampleJvm(name);
    }

    SampleJvm jvmOptions(String... options) {
        launcher.jvmOptions(options);
        return this;
    }

    SampleJvm javaHome(Path home) {
        launcher.javaHome(home);
        return this;
    }

    SampleJvm classpath(List<Path> entries) {
        launcher.classpath(entries);
        return this;
    }

    Path dir() {
        return launcher.dir();
    }

    /** Runs the sample classes; fails unless the runner ended normally (failing samples are outcomes, not errors). */
    Run run(Class<?>... samples) {
        Path outcomes = dir().resolve("outcomes.properties");
        launcher.args(outcomes.toString()).args(Arrays.stream(samples).map(Class::getName).toArray(String[]::new));
        JvmResult ended = launcher.run();
        ended.assertExitCode(0);
        return new Run(ended, read(outcomes));
    }

    /** What a child left behind, and the outcome of each sample test: {@code <test>.status}, {@code .exception}, {@code .message} ... */
    static final class Run extends JvmResult {

        private final Properties outcomes;

        private Run(JvmResult ended, Properties outcomes) {
            super(ended);
            this.outcomes = outcomes;
        }

        Properties outcomes() {
            return outcomes;
        }
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }
}

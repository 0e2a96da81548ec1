package dev.nplusone.junit;

import dev.nplusone.samples.SampleRunner;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs sample test classes with {@link SampleRunner} in a child JVM, as a build's test JVM would,
 * and keeps what it left behind in a directory of its own under {@code target/it-work}.
 */
final class SampleJvm {

    static final Path WORK_DIR = Paths.get(property("nplusone.it.workDir")).toAbsolutePath();
    /** target/test-classes, target/classes, then every test-scope dependency jar, the agent's among them. */
    static final List<Path> CLASSPATH = Arrays.stream(property("nplusone.it.classpath").split(File.pathSeparator))
            .filter(entry -> !entry.isBlank()).map(Paths::get).collect(Collectors.toUnmodifiableList());
    static final Path AGENT_JAR = CLASSPATH.stream().filter(p -> p.getFileName().toString().startsWith("nplusone-agent"))
            .findFirst().orElseThrow(() -> new IllegalStateException("no nplusone-agent jar in " + CLASSPATH));
    private static final long TIMEOUT_SECONDS = 120;

    private final String name;
    private final Path dir;
    private final List<String> jvmOptions = new ArrayList<>();
    private List<Path> classpath = CLASSPATH;
    private Path javaHome = Paths.get(System.getProperty("java.home"));

    private SampleJvm(String name) {
        this.name = name;
        this.dir = WORK_DIR.resolve(name);
    }

    static SampleJvm of(String name) {
        return new SampleJvm(name);
    }

    SampleJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    SampleJvm javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    SampleJvm classpath(List<Path> entries) {
        this.classpath = List.copyOf(entries);
        return this;
    }

    Path dir() {
        return dir;
    }

    /** Runs the sample classes; fails unless the runner ended normally (failing samples are outcomes, not errors). */
    Run run(Class<?>... samples) {
        try {
            recreate(dir);
            List<String> command = new ArrayList<>();
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            command.add(SampleRunner.class.getName());
            command.add(dir.resolve("outcomes.properties").toString());
            Arrays.stream(samples).map(Class::getName).forEach(command::add);
            Files.writeString(dir.resolve("command.txt"), String.join("\n", command) + "\n");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("child JVM '" + name + "' did not end within " + TIMEOUT_SECONDS + " s; see " + dir);
            }
            Run run = new Run(dir, process.pid(), lines(dir.resolve("stdout.txt")), lines(dir.resolve("stderr.txt")), outcomes());
            assertEquals(0, process.exitValue(), () -> name + ": exit " + process.exitValue() + run.describe());
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    /** What a child left behind. */
    record Run(Path dir, long pid, List<String> stdout, List<String> stderr, Properties outcomes) {

        /** For failure messages: where to look, and the end of standard error. */
        String describe() {
            int from = Math.max(0, stderr.size() - 40);
            return "\n--- " + dir + ", last lines of stderr:\n" + String.join("\n", stderr.subList(from, stderr.size()));
        }
    }

    private Properties outcomes() throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve("outcomes.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /** The frame the agent reports for the line of {@code type}'s source that holds {@code marker}: {@code pkg.Type.method(Type.java:42)}. */
    static String frame(Class<?> type, String method, String marker) {
        Path source = Paths.get(System.getProperty("basedir", ".")).resolve("src/test/java")
                .resolve(type.getName().replace('.', '/') + ".java");
        List<String> lines = lines(source);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                found.add(i + 1);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("marker '" + marker + "' is on lines " + found + " of " + source + "; it must be on exactly one");
        }
        return type.getName() + "." + method + "(" + source.getFileName() + ":" + found.get(0) + ")";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            throw new IllegalStateException("system property " + key + " is not set: run the integration tests with 'mvn verify'");
        }
        return value;
    }
}

package dev.nplusone.realapps;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One application in a child JVM under the packaged agent, given nothing but where to write its
 * report: {@code -javaagent:nplusone-agent.jar=report=<file>}, as a user would attach it. Its
 * command, output and report stay in a directory of its own under target/it-work for a look after
 * a failure.
 */
final class AppJvm implements AutoCloseable {

    static final Path AGENT_JAR = Settings.path("realapps.agentJar");

    /** Long enough for a Spring Boot start on a busy two-core machine; only a hung child waits this long. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    /** What each application prints once it serves: "...listening on http://127.0.0.1:PORT". */
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final String name;
    private final Path dir;
    private final List<String> launch;
    private Process process;

    private AppJvm(String name, List<String> launch) {
        this.name = name;
        this.dir = Settings.path("realapps.workDir").resolve(name);
        this.launch = List.copyOf(launch);
    }

    /** {@code java -jar <jar> <args>}. */
    static AppJvm jar(String name, Path jar, String... args) {
        assertFile(jar);
        List<String> launch = new ArrayList<>(List.of("-jar", jar.toString()));
        launch.addAll(List.of(args));
        return new AppJvm(name, launch);
    }

    /** {@code java -cp <class path> <main class> <args>}. */
    static AppJvm main(String name, List<Path> classpath, String mainClass, String... args) {
        classpath.forEach(AppJvm::assertFile);
        List<String> launch = new ArrayList<>(List.of("-cp",
                classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)), mainClass));
        launch.addAll(List.of(args));
        return new AppJvm(name, launch);
    }

    /** This child's own directory (emptied when it starts), for files the application needs. */
    Path dir() {
        return dir;
    }

    Path reportFile() {
        return dir.resolve("nplusone.json");
    }

    AppJvm start() {
        assertFile(AGENT_JAR);
        try {
            recreate(dir);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Not agent options, only a quicker start for short-lived JVMs on a small machine.
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            command.add("-javaagent:" + AGENT_JAR + "=report=" + reportFile());
            command.addAll(launch);
            Files.writeString(dir.resolve("command.txt"), String.join("\n", command) + "\n");
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the application says where it listens; returns that address. */
    URI awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            for (String line : read("stdout.txt")) {
                Matcher address = LISTENING.matcher(line);
                if (address.find()) {
                    return URI.create(address.group(1));
                }
            }
            if (!process.isAlive()) {
                fail(name + " ended (exit " + process.exitValue() + ") before it listened" + outputs());
            }
            if (System.nanoTime() > deadline) {
                fail(name + " did not listen within " + START_TIMEOUT.toSeconds() + " s" + outputs());
            }
            sleep(100);
        }
    }

    /**
     * Stops a server as a service manager does, with SIGTERM: the JVM runs its shutdown hooks, the
     * agent's among them, which writes the report.
     */
    AgentReport stop() {
        process.destroy();
        return awaitExit(false);
    }

    /** Waits for an application that ends by itself, with exit status 0. */
    AgentReport awaitExit() {
        return awaitExit(true);
    }

    private AgentReport awaitExit(boolean cleanExit) {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail(name + " did not end within " + EXIT_TIMEOUT.toSeconds() + " s" + outputs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        if (cleanExit && process.exitValue() != 0) {
            fail(name + " exited with status " + process.exitValue() + outputs());
        }
        if (!Files.isRegularFile(reportFile())) {
            fail(name + " ended without the agent's report " + reportFile() + outputs());
        }
        return AgentReport.read(reportFile());
    }

    /** Kills the child if a failed test left it running. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String outputs() {
        return "; see " + dir + "\n--- stderr (end):\n" + tail(read("stderr.txt")) + "\n--- stdout (end):\n" + tail(read("stdout.txt"));
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private List<String> read(String file) {
        try {
            return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertFile(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " does not exist: build it first (mvn verify -pl realapps/tests -am)");
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

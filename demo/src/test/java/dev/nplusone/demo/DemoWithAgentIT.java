package dev.nplusone.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged demo under the packaged agent, as a user runs them: the tour in a child JVM, then the
 * agent's JSON report, written when that JVM exits. Every naive endpoint must show an N+1 located
 * in the demo's code, and no eager endpoint may show any finding, though the agent saw them all.
 */
class DemoWithAgentIT {

    private static final long TIMEOUT_MINUTES = 3;
    private static final List<String> NAIVE_SCOPES =
            List.of("GET /naive/events", "GET /naive/events/{id}", "GET /naive/organizations");
    private static final List<String> EAGER_SCOPES =
            List.of("GET /eager/events", "GET /eager/events/{id}", "GET /eager/organizations");

    private static List<JsonNode> findings;
    private static List<String> scopes;

    @BeforeAll
    static void runTheTourUnderTheAgent() throws IOException, InterruptedException {
        Path agentJar = Path.of(System.getProperty("nplusone.it.agentJar"));
        Path demoJar = Path.of(System.getProperty("nplusone.it.demoJar"));
        Path work = Files.createDirectories(Path.of(System.getProperty("nplusone.it.workDir")));
        Path report = work.resolve("nplusone.json");
        Path output = work.resolve("demo-output.txt");
        Files.deleteIfExists(report);
        assertTrue(Files.isRegularFile(agentJar), "the agent jar is built first: " + agentJar);

        Process demo = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar + "=report=" + report,
                "-jar", demoJar.toString(),
                "--demo.tour=true",
                "--demo.tour.warmups=1",
                "--demo.tour.runs=3",
                "--server.port=0",
                // Small data for a quick run, with enough attendees per event that one event's
                // organizations repeat their select more often than the agent's threshold (3).
                "--demo.seed.users=6",
                "--demo.seed.organizations=8",
                "--demo.seed.attendees=64",
                "--demo.seed.events=16",
                "--demo.seed.attendees-per-event=8")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!demo.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            demo.destroyForcibly().waitFor();
            fail("the demo did not exit within " + TIMEOUT_MINUTES + " minutes; its output is in " + output);
        }
        assertEquals(0, demo.exitValue(), () -> "the demo's exit status; its output:\n" + read(output));
        assertTrue(Files.isRegularFile(report), () -> "the agent wrote no report; the demo's output:\n" + read(output));

        JsonNode root = JsonMapper.shared().readTree(report.toFile());
        findings = root.get("findings").valueStream().toList();
        scopes = root.get("scopes").valueStream().map(scope -> scope.get("name").asString()).toList();
    }

    @Test
    void everyNaiveEndpointHasAnNPlusOneInTheDemosCode() {
        for (String scope : NAIVE_SCOPES) {
            boolean found = findings.stream().anyMatch(finding -> finding.get("type").asString().equals("n_plus_one")
                    && finding.get("scope").asString().equals(scope)
                    && finding.get("location").asString().startsWith("dev.nplusone.demo."));
            assertTrue(found, () -> "an n_plus_one in scope '" + scope + "' located in dev.nplusone.demo; findings:\n"
                    + describe(findings));
        }
    }

    @Test
    void eagerEndpointsWereSeenAndHaveNoFinding() {
        assertTrue(scopes.containsAll(EAGER_SCOPES), () -> "scopes " + scopes + " include " + EAGER_SCOPES);
        List<JsonNode> eager = findings.stream()
                .filter(finding -> finding.get("scope").asString().startsWith("GET /eager/"))
                .toList();
        assertEquals(List.of(), eager, () -> "findings in eager scopes:\n" + describe(eager));
    }

    private static String describe(List<JsonNode> findings) {
        return findings.stream()
                .map(finding -> "  " + finding.get("type").asString() + " in '" + finding.get("scope").asString()
                        + "' at " + finding.get("location").asString() + ": " + finding.get("shape").asString())
                .collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}

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
    private static final String DOMAIN = "dev.nplusone.demo.domain.";
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

    /**
     * Each lazy association is named, with the query that loaded its parents (the events' select for
     * the creators and the attendees, though other loads ran between; the attendees' load for their
     * organizations) and a fix; the view's loads inside Jackson carry the property it was writing.
     */
    @Test
    void naiveFindingsNameTheirAssociationTriggerAndFix() {
        JsonNode creator = ofAssociation("GET /naive/events", DOMAIN + "Event.creator");
        assertEquals("many-to-one", creator.get("associationKind").asString());
        assertEventsQuery(creator.get("trigger").asString());
        assertTrue(creator.get("hint").asString().contains("@EntityGraph(attributePaths = \"creator\")"), creator::toString);

        JsonNode attendees = ofAssociation("GET /naive/events", DOMAIN + "Event.attendees");
        assertEquals("many-to-many", attendees.get("associationKind").asString());
        assertEventsQuery(attendees.get("trigger").asString());
        assertTrue(attendees.get("hint").asString().contains("@BatchSize on Event.attendees"), attendees::toString);

        JsonNode organization = ofAssociation("GET /naive/events", DOMAIN + "Attendee.organization");
        assertEquals(attendees.get("shape").asString(), organization.get("trigger").asString());
        assertTrue(organization.get("hint").asString().contains("@EntityGraph(attributePaths = \"attendees.organization\")"), organization::toString);

        JsonNode unaffiliated = findings.stream()
                .filter(f -> f.get("scope").asString().equals("GET /naive/events") && !f.has("association"))
                .findFirst().orElseThrow(() -> new AssertionError("the query per event has no association:\n" + describe(findings)));
        assertTrue(unaffiliated.get("hint").asString().contains("in (...)"), unaffiliated::toString);

        JsonNode events = ofAssociation("GET /naive/organizations", DOMAIN + "Attendee.events");
        assertEquals("$[*].events", events.get("jsonPath").asString());
        assertEquals(ofAssociation("GET /naive/organizations", DOMAIN + "Organization.attendees").get("shape").asString(),
                events.get("trigger").asString());
        assertTrue(events.get("hint").asString().contains("@EntityGraph(attributePaths = \"attendees.events\")"), events::toString);
    }

    private static JsonNode ofAssociation(String scope, String association) {
        return findings.stream()
                .filter(f -> f.get("scope").asString().equals(scope) && f.has("association") && f.get("association").asString().equals(association))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding of " + association + " in '" + scope + "':\n" + describe(findings)));
    }

    private static void assertEventsQuery(String trigger) {
        assertTrue(trigger.startsWith("select ") && trigger.contains(" from event e1_0 order by e1_0.id"), "the events' select: " + trigger);
    }

    private static String describe(List<JsonNode> findings) {
        return findings.stream()
                .map(finding -> "  " + finding.get("type").asString() + " in '" + finding.get("scope").asString()
                        + "' at " + finding.get("location").asString()
                        + " of " + (finding.has("association") ? finding.get("association").asString() : "-")
                        + ": " + finding.get("shape").asString())
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

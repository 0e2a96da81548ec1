package dev.nplusone.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nplusone.demo.tour.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged demo under the packaged agent, as a user runs them: the tour in a child JVM, then the
 * agent's JSON report, written when that JVM exits. Every naive endpoint must show its N+1 (or, for the
 * write path, its batchable INSERT) located
 * where the demo's code (or, for a template, the template engine) loads it, naming its association,
 * and no eager endpoint may show any finding, though the agent saw them all.
 */
class DemoWithAgentIT {

    private static final long TIMEOUT_MINUTES = 3;
    private static final String DOMAIN = "dev.nplusone.demo.domain.";
    private static final List<String> NAIVE_SCOPES = Endpoint.ALL.stream()
            .map(endpoint -> scopeOf(endpoint, endpoint.naivePath()))
            .toList();
    private static final List<String> EAGER_SCOPES = Endpoint.ALL.stream()
            .map(endpoint -> scopeOf(endpoint, endpoint.eagerPath()))
            .toList();

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
    void everyNaiveEndpointHasAFinding() {
        for (String scope : NAIVE_SCOPES) {
            boolean found = findings.stream().anyMatch(finding -> finding.get("scope").asString().equals(scope));
            assertTrue(found, () -> "a finding in scope '" + scope + "'; findings:\n" + describe(findings));
        }
    }

    /** The mapper's getters, each at its line: the creator, the attendees, each attendee's organization. */
    @Test
    void jsonFindingsAreAtTheMappersLines() {
        assertLocation(ofAssociation("GET /naive/events", DOMAIN + "Event.creator"),
                "n_plus_one", "api/EventMapper.java", "event.getCreator().getName()", "EventMapper.toDto");
        assertLocation(ofAssociation("GET /naive/events", DOMAIN + "Event.attendees"),
                "n_plus_one", "api/EventMapper.java", "N+1: the stream's iteration loads", "EventMapper.attendees");
        assertLocation(ofAssociation("GET /naive/events/{id}", DOMAIN + "Attendee.organization"),
                "n_plus_one", "api/EventMapper.java", ": organization.getName()", "EventMapper.toDto");
        assertLocation(ofAssociation("GET /naive/organizations", DOMAIN + "Attendee.events"),
                "n_plus_one", "api/OrganizationView.java", "attendee.getEvents()", "OrganizationView.getEvents");
    }

    /**
     * The template's expressions load each event's creator and attendees. A template has no Java line
     * of the application's, so the agent names the framework frame that called into the data access:
     * the Spring expression evaluator that Thymeleaf runs.
     */
    @Test
    void pageFindingsNameTheAssociationsTheTemplateWalks() {
        for (String association : List.of("Event.attendees", "Event.creator")) {
            JsonNode finding = ofAssociation("GET /naive/pages/events", DOMAIN + association);
            assertEquals("n_plus_one", finding.get("type").asString(), finding::toString);
            assertTrue(finding.get("location").asString().startsWith("org.springframework.expression.spel."), finding::toString);
        }
    }

    /** The @SchemaMapping method's query, once per parent event. */
    @Test
    void graphQlFindingIsTheSchemaMappingsQuery() {
        JsonNode finding = only("POST /naive/graphql");
        assertLocation(finding, "n_plus_one", "graphql/EventGraphController.java",
                "return attendees.findByEventId(event.id())", "EventGraphController.attendees");
        assertTrue(finding.get("shape").asString().contains(" where e1_0.id = ? "), finding::toString);
    }

    /** One INSERT per attendee, written at the flush: batchable, not an N+1. */
    @Test
    void checkInFindingIsABatchableInsertAtTheFlush() {
        JsonNode finding = only("POST /naive/events/{id}/check-ins");
        assertLocation(finding, "batchable", "checkin/CheckInService.java", "entityManager.flush();", "CheckInService.checkIn");
        assertTrue(finding.get("shape").asString().startsWith("insert into check_in"), finding::toString);
    }

    /** The loads run on Spring's task executor, not on the request's thread: the agent carries the request's scope across. */
    @Test
    void fanOutFindingIsAtTheLoaderOnItsThreads() {
        JsonNode finding = only("GET /naive/fan-out/events");
        assertLocation(finding, "n_plus_one", "fanout/AttendeeLoader.java",
                "attendees.findByEventId(eventId)", "AttendeeLoader.attendeesOf");
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

    /** The one finding of a scope. */
    private static JsonNode only(String scope) {
        List<JsonNode> inScope = findings.stream().filter(f -> f.get("scope").asString().equals(scope)).toList();
        assertEquals(1, inScope.size(), () -> "one finding in '" + scope + "':\n" + describe(findings));
        return inScope.get(0);
    }

    /**
     * The finding's type, and its location: the given method at the line of the demo's source file
     * (under dev/nplusone/demo/) that holds the given code.
     */
    private static void assertLocation(JsonNode finding, String type, String file, String code, String method) {
        assertEquals(type, finding.get("type").asString(), finding::toString);
        String fileName = Path.of(file).getFileName().toString();
        String expected = "dev.nplusone.demo." + Path.of(file).getParent() + "." + method + "(" + fileName + ":" + lineOf(file, code) + ")";
        assertEquals(expected, finding.get("location").asString(), finding::toString);
    }

    private static int lineOf(String file, String code) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/main/java/dev/nplusone/demo", file));
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(code)) {
                    matches.add(i + 1);
                }
            }
            assertEquals(1, matches.size(), () -> "one line of " + file + " holds '" + code + "': " + matches);
            return matches.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agent's name of an endpoint's scope: the method and the route, numbers as {id}. */
    private static String scopeOf(Endpoint endpoint, String path) {
        return endpoint.method() + " " + path.replaceAll("/[0-9]+(?=/|$)", "/{id}");
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

package dev.nplusone.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.orm.EventSummaries;
import dev.nplusone.it.apps.orm.OrmApp;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate lazy loads named by their association, placed in the JSON that Jackson was writing,
 * with the query that loaded their parents and a fix that suits them. {@link OrmApp} loads five
 * events and reads every lazy association of each, in three scopes: Jackson 2 serializing them,
 * Jackson 3 serializing them, a plain mapper walking them. It runs twice, on Hibernate 7 (the test
 * class path) and on Hibernate 6 (the same application with Hibernate 6's jars instead).
 */
class OrmIT {

    static final String PKG = "dev.nplusone.it.apps.orm.";
    static final String VENUE = PKG + "Event.venue";
    static final String ATTENDEES = PKG + "Event.attendees";
    static final String ORGANIZATION = PKG + "Attendee.organization";
    static final String TALKS = PKG + "Event.talks";
    static final String SPEAKER = PKG + "Talk.speaker";
    static final String TAGS = PKG + "Event.tags";
    /** A Person proxy may be an event's organizer or a talk's speaker: only a serializer tells which. */
    static final String ORGANIZER_OR_SPEAKER = PKG + "Event.organizer or " + PKG + "Talk.speaker";

    /** Executions per scope: the events, then per event its venue, attendees, talks and tags; six organizations; ten speakers. */
    static final int STATEMENTS = 1 + OrmApp.EVENTS * 4 + 6 + 10;

    static final List<String> SCOPES = List.of(OrmApp.JACKSON2, OrmApp.JACKSON3, OrmApp.MAPPER);
    static final List<String> SERIALIZATIONS = List.of(OrmApp.JACKSON2, OrmApp.JACKSON3);

    static Result hibernate7;
    static Result hibernate6;

    @BeforeAll
    static void runApplication() {
        hibernate7 = ChildJvm.of("orm-hibernate7", OrmApp.class).withAgent("")
                .jvmOptions("-Dorg.jboss.logging.provider=jdk").run().assertCleanRun();
        hibernate6 = ChildJvm.of("orm-hibernate6", OrmApp.class).withAgent("").classpath(ChildJvm.classpathWithHibernate(6))
                .jvmOptions("-Dorg.jboss.logging.provider=jdk").run().assertCleanRun();
    }

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of("Hibernate 7", hibernate7), Arguments.of("Hibernate 6", hibernate6));
    }

    static Stream<Arguments> runsAndScopes() {
        return runs().flatMap(run -> SCOPES.stream().map(scope -> Arguments.of(run.get()[0], run.get()[1], scope)));
    }

    static Stream<Arguments> runsAndSerializations() {
        return runs().flatMap(run -> SERIALIZATIONS.stream().map(scope -> Arguments.of(run.get()[0], run.get()[1], scope)));
    }

    /** The N+1 findings of a scope, by association. */
    static Map<String, Finding> byAssociation(Result run, String scope) {
        List<Finding> findings = run.report().findings("n_plus_one", scope);
        return findings.stream().collect(Collectors.toMap(f -> String.valueOf(f.association()), Function.identity()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void eachScopeRanItsLazyLoadsOnce(String hibernate, Result run) {
        assertTrue(run.stdout().contains("done"), hibernate + ": " + run.stdout());
        Report report = run.report();
        for (String scope : SCOPES) {
            assertEquals(STATEMENTS, report.scope(scope).statements().total(), scope);
        }
        assertEquals(List.of(), report.findings().stream().filter(f -> f.type().equals("duplicate")).collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("runsAndScopes")
    void everyLazyAssociationIsAnNPlusOneNamedAfterIt(String hibernate, Result run, String scope) {
        Map<String, Finding> findings = byAssociation(run, scope);
        String person = scope.equals(OrmApp.MAPPER) ? ORGANIZER_OR_SPEAKER : SPEAKER;
        assertEquals(List.of(ATTENDEES, TAGS, TALKS, VENUE, ORGANIZATION, person).stream().sorted().collect(Collectors.toList()),
                findings.keySet().stream().sorted().collect(Collectors.toList()), run.report()::describeFindings);
        assertEquals("many-to-one", findings.get(VENUE).associationKind());
        assertEquals("many-to-many", findings.get(ATTENDEES).associationKind());
        assertEquals("one-to-many", findings.get(TALKS).associationKind());
        assertEquals("element-collection", findings.get(TAGS).associationKind());
        assertEquals("many-to-one", findings.get(ORGANIZATION).associationKind());
        assertEquals("many-to-one", findings.get(person).associationKind());
        assertEquals(OrmApp.EVENTS, findings.get(VENUE).repetitions());
        assertEquals(6, findings.get(ORGANIZATION).repetitions(), "six organizations among the attendees");
        assertEquals(10, findings.get(person).repetitions());
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("runsAndSerializations")
    void aSerializationNamesThePathItWasWriting(String hibernate, Result run, String scope) {
        Map<String, Finding> findings = byAssociation(run, scope);
        assertEquals("$[*].venue", findings.get(VENUE).jsonPath());
        assertEquals("$[*].attendees", findings.get(ATTENDEES).jsonPath());
        assertEquals("$[*].attendees[*].organization", findings.get(ORGANIZATION).jsonPath());
        assertEquals("$[*].talks", findings.get(TALKS).jsonPath());
        assertEquals("$[*].talks[*].speaker", findings.get(SPEAKER).jsonPath(), "the path tells which association holds a Person");
        assertEquals("$[*].tags", findings.get(TAGS).jsonPath());
        assertEquals(List.of(scope, "serialize ArrayList"), findings.get(TAGS).path());
        SourceLine write = SourceLine.of(OrmApp.class, scope.equals(OrmApp.JACKSON2) ? "// Jackson 2 writes the events" : "// Jackson 3 writes the events");
        for (Finding f : findings.values()) {
            assertEquals(write.frame("main"), f.location(), "no application frame is nearer than the write");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void aMapperIsLocatedAtItsLinesAndHasNoJsonPath(String hibernate, Result run) {
        Map<String, Finding> findings = byAssociation(run, OrmApp.MAPPER);
        assertEquals(at("// N+1: the venue of each event"), findings.get(VENUE).location());
        assertEquals(at("// N+1: the attendees of each event"), findings.get(ATTENDEES).location());
        assertEquals(at("// N+1: the organization of each attendee"), findings.get(ORGANIZATION).location());
        assertEquals(at("// N+1: the talks of each event"), findings.get(TALKS).location());
        assertEquals(at("// N+1: the speaker of each talk"), findings.get(ORGANIZER_OR_SPEAKER).location());
        assertEquals(at("// N+1: the tags of each event"), findings.get(TAGS).location());
        for (Finding f : findings.values()) {
            assertNull(f.jsonPath(), f::toString);
        }
    }

    /**
     * The trigger is the query that loaded the parents: the events' for the events' associations,
     * though other lazy loads ran between; the attendees' lazy load for their organizations; the
     * talks' for their speakers.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("runsAndScopes")
    void theTriggerIsTheQueryThatLoadedTheParents(String hibernate, Result run, String scope) {
        Map<String, Finding> findings = byAssociation(run, scope);
        for (String ofEvents : List.of(VENUE, ATTENDEES, TALKS, TAGS)) {
            assertEventsQuery(findings.get(ofEvents).trigger(), ofEvents);
        }
        assertEquals(findings.get(ATTENDEES).shape(), findings.get(ORGANIZATION).trigger());
        String person = scope.equals(OrmApp.MAPPER) ? ORGANIZER_OR_SPEAKER : SPEAKER;
        assertEquals(findings.get(TALKS).shape(), findings.get(person).trigger(), "talks hold the speakers");
    }

    private static void assertEventsQuery(String trigger, String association) {
        assertTrue(trigger != null && trigger.startsWith("select ") && trigger.contains(" from event e1_0 order by e1_0.id"),
                association + "'s trigger: " + trigger);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("runsAndScopes")
    void eachHintSuitsWhatWasFound(String hibernate, Result run, String scope) {
        Map<String, Finding> findings = byAssociation(run, scope);
        assertEquals("fetch Event.venue with the query that loads the Events: left join fetch e.venue,"
                + " or @EntityGraph(attributePaths = \"venue\")", findings.get(VENUE).hint());
        assertEquals("fetch Event.attendees with the query that loads the Events: left join fetch e.attendees,"
                + " or @EntityGraph(attributePaths = \"attendees\"); or load it for many Events at once with @BatchSize on Event.attendees",
                findings.get(ATTENDEES).hint());
        assertEquals("fetch Event.tags with the query that loads the Events: left join fetch e.tags,"
                + " or @EntityGraph(attributePaths = \"tags\"); or load it for many Events at once with @BatchSize on Event.tags",
                findings.get(TAGS).hint());
        assertEquals("fetch Attendee.organization with the query that loads the Events:"
                + " @EntityGraph(attributePaths = \"attendees.organization\"), or join fetches along that path",
                findings.get(ORGANIZATION).hint(), "the attendees came lazily from the events: fetch both with them");
        if (scope.equals(OrmApp.MAPPER)) {
            assertEquals("these Person proxies belong to Event.organizer or Talk.speaker: fetch that association with the query"
                    + " that loads its owners (a join fetch, or an @EntityGraph naming it)", findings.get(ORGANIZER_OR_SPEAKER).hint());
        } else {
            assertEquals("fetch Talk.speaker with the query that loads the Events:"
                    + " @EntityGraph(attributePaths = \"talks.speaker\"), or join fetches along that path", findings.get(SPEAKER).hint());
        }
    }

    @Test
    void theLogBlockShowsTheAssociationThePathAndTheHint() {
        LogEntry block = hibernate7.log().stream()
                .filter(e -> e.logger().equals("nplusone.findings") && e.message().startsWith("N+1 query in " + OrmApp.JACKSON3 + " > ")
                        && ORGANIZATION.concat(" (many-to-one)").equals(e.field("association")))
                .findFirst().orElseThrow(() -> new AssertionError("no block for " + ORGANIZATION + " in " + hibernate7.log()));
        assertEquals("$[*].attendees[*].organization", block.field("jsonPath"));
        assertTrue(block.field("after").endsWith("<- likely loaded the parent rows"), block::toString);
        assertTrue(block.field("hint").startsWith("fetch Attendee.organization with the query that loads the Events"), block::toString);
    }

    @Test
    void theReportWritesTheNewFieldsUnderTheirContractNames() {
        JsonNode finding = Report.tree(hibernate7.reportFile()).get("findings").valueStream()
                .filter(f -> f.get("scope").asText().equals(OrmApp.JACKSON2) && f.path("association").asText().equals(ORGANIZATION))
                .findFirst().orElseThrow();
        for (String field : List.of("trigger", "association", "associationKind", "jsonPath", "hint")) {
            assertTrue(finding.has(field), () -> field + " in " + finding);
        }
    }

    private static String at(String marker) {
        return SourceLine.of(EventSummaries.class, marker).frame("of");
    }
}

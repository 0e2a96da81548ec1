package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.eclipselink.Attendee;
import dev.nplusone.it.apps.eclipselink.EclipseLinkApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EclipseLink, the second ORM plug-in: its lazy loads named as Hibernate's are ({@link OrmIT}). The
 * application runs on EclipseLink 4 alone (no Hibernate on its class path), with EclipseLink's own
 * agent beside nplusone's weaving the entities as they load, as EclipseLink's Java SE setup has it:
 * without weaving, a lazy to-one is loaded eagerly (the application checks that it was woven). Its
 * indirect lists need no weaving. EclipseLink's agent reads the persistence unit at start-up, from
 * where the system property names it.
 */
class EclipseLinkIT {

    static final String PKG = "dev.nplusone.it.apps.eclipselink.";
    static final String ATTENDEES = PKG + "Event.attendees";
    static final String SPEAKERS = PKG + "Event.speakers";
    /** Unidirectional, over a join table: EclipseLink maps it as a many-to-many, its JPA kind is one-to-many. */
    static final String TALKS = PKG + "Event.talks";
    static final String ORGANIZATION = PKG + "Attendee.organization";

    /** Per scope: the events, then per event its attendees, speakers and talks, and each organization once. */
    static final int STATEMENTS = 1 + EclipseLinkApp.EVENTS * 3 + EclipseLinkApp.ORGANIZATIONS;

    static Result run;

    @BeforeAll
    static void runApplication() {
        run = ChildJvm.of("orm-eclipselink", EclipseLinkApp.class).withAgent("").classpath(ChildJvm.classpathWithEclipseLink())
                .jvmOptions("-javaagent:" + ChildJvm.eclipseLinkJar(), "-Declipselink.persistencexml=" + EclipseLinkApp.PERSISTENCE_XML)
                .run().assertCleanRun();
        assertTrue(run.stdout().contains("done"), run::stdoutText);
    }

    /** The N+1 findings of a scope, by association; exactly one for each lazy association. */
    static Map<String, Finding> byAssociation(String scope) {
        List<Finding> findings = run.report().findings("n_plus_one", scope);
        assertEquals(4, findings.size(), run.report()::describeFindings);
        return findings.stream().collect(Collectors.toMap(f -> String.valueOf(f.association()), Function.identity()));
    }

    @Test
    void eachScopeRanItsLazyLoadsOnceAndNothingTwice() {
        Report report = run.report();
        for (String scope : List.of(EclipseLinkApp.JACKSON, EclipseLinkApp.LOOP)) {
            assertEquals(STATEMENTS, report.scope(scope).statements().total(), scope);
        }
        assertEquals(List.of(), report.findings().stream().filter(f -> f.type().equals("duplicate")).collect(Collectors.toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {EclipseLinkApp.JACKSON, EclipseLinkApp.LOOP})
    void everyLazyAssociationIsAnNPlusOneNamedAfterItWithItsKind(String scope) {
        Map<String, Finding> findings = byAssociation(scope);
        assertEquals(List.of(ATTENDEES, SPEAKERS, TALKS, ORGANIZATION).stream().sorted().collect(Collectors.toList()),
                findings.keySet().stream().sorted().collect(Collectors.toList()), run.report()::describeFindings);
        assertEquals("one-to-many", findings.get(ATTENDEES).associationKind());
        assertEquals("many-to-many", findings.get(SPEAKERS).associationKind());
        assertEquals("one-to-many", findings.get(TALKS).associationKind(), "as JPA maps it, not as EclipseLink does inside");
        assertEquals("many-to-one", findings.get(ORGANIZATION).associationKind());
        assertEquals(EclipseLinkApp.EVENTS, findings.get(ATTENDEES).repetitions());
        assertEquals(EclipseLinkApp.EVENTS, findings.get(SPEAKERS).repetitions());
        assertEquals(EclipseLinkApp.EVENTS, findings.get(TALKS).repetitions());
        assertEquals(EclipseLinkApp.ORGANIZATIONS, findings.get(ORGANIZATION).repetitions(), "each organization once");
    }

    /** The events' query for the events' associations; the attendees' lazy load for their organizations. */
    @ParameterizedTest
    @ValueSource(strings = {EclipseLinkApp.JACKSON, EclipseLinkApp.LOOP})
    void theTriggerIsTheQueryThatLoadedTheParents(String scope) {
        Map<String, Finding> findings = byAssociation(scope);
        for (String ofEvents : List.of(ATTENDEES, SPEAKERS, TALKS)) {
            String trigger = findings.get(ofEvents).trigger();
            assertTrue(trigger != null && trigger.startsWith("select ") && trigger.contains(" from event order by id"), ofEvents + ": " + trigger);
        }
        assertEquals(findings.get(ATTENDEES).shape(), findings.get(ORGANIZATION).trigger());
    }

    @ParameterizedTest
    @ValueSource(strings = {EclipseLinkApp.JACKSON, EclipseLinkApp.LOOP})
    void eachHintIsWordedForEclipseLink(String scope) {
        Map<String, Finding> findings = byAssociation(scope);
        assertEquals("fetch Event.attendees with the query that loads the Events: left join fetch e.attendees,"
                + " or @EntityGraph(attributePaths = \"attendees\"); or load it for many Events at once with @BatchFetch(BatchFetchType.IN)"
                + " on Event.attendees", findings.get(ATTENDEES).hint());
        assertEquals("fetch Event.speakers with the query that loads the Events: left join fetch e.speakers,"
                + " or @EntityGraph(attributePaths = \"speakers\"); or load it for many Events at once with @BatchFetch(BatchFetchType.IN)"
                + " on Event.speakers", findings.get(SPEAKERS).hint());
        assertEquals("fetch Event.talks with the query that loads the Events: left join fetch e.talks,"
                + " or @EntityGraph(attributePaths = \"talks\"); or load it for many Events at once with @BatchFetch(BatchFetchType.IN)"
                + " on Event.talks", findings.get(TALKS).hint());
        assertEquals("fetch Attendee.organization with the query that loads the Events:"
                + " @EntityGraph(attributePaths = \"attendees.organization\"), or join fetches along that path;"
                + " or batch-read it with @BatchFetch(BatchFetchType.IN) on Attendee.organization",
                findings.get(ORGANIZATION).hint(), "the attendees came lazily from the events: fetch both with them");
    }

    @Test
    void aSerializationNamesThePathItWasWriting() {
        Map<String, Finding> findings = byAssociation(EclipseLinkApp.JACKSON);
        assertEquals("$[*].attendees", findings.get(ATTENDEES).jsonPath());
        assertEquals("$[*].speakers", findings.get(SPEAKERS).jsonPath());
        assertEquals("$[*].talks", findings.get(TALKS).jsonPath());
        assertEquals("$[*].attendees[*].organization", findings.get(ORGANIZATION).jsonPath());
        String write = SourceLine.of(EclipseLinkApp.class, "// Jackson 2 writes the events").frame("main");
        assertEquals(write, findings.get(ATTENDEES).location(), "no application frame is nearer than the write");
        assertEquals(write, findings.get(SPEAKERS).location());
        assertEquals(write, findings.get(TALKS).location());
        assertEquals(getter(), findings.get(ORGANIZATION).location(), "a woven entity loads its to-one in its own getter");
    }

    @Test
    void aLoopIsLocatedAtItsLines() {
        Map<String, Finding> findings = byAssociation(EclipseLinkApp.LOOP);
        assertEquals(at("// N+1: the attendees of each event"), findings.get(ATTENDEES).location());
        assertEquals(at("// N+1: the speakers of each event"), findings.get(SPEAKERS).location());
        assertEquals(at("// N+1: the talks of each event"), findings.get(TALKS).location());
        assertEquals(getter(), findings.get(ORGANIZATION).location());
        assertEquals(at("// N+1: the organization of each attendee"), findings.get(ORGANIZATION).stack().get(1), "the loop calls the getter");
        for (Finding f : findings.values()) {
            assertNull(f.jsonPath(), f::toString);
        }
    }

    /**
     * One event's attendees load once, so that load is named only when the scope closes, long after
     * it ended: still the attendees' query is the trigger of their organizations, and the fix fetches
     * both with the event.
     */
    @Test
    void aLazyLoadThatRanOnceIsStillNamedAsTheParentsOfTheNext() {
        List<Finding> findings = run.report().findings("n_plus_one", EclipseLinkApp.ONE_EVENT);
        assertEquals(1, findings.size(), run.report()::describeFindings);
        Finding organization = findings.get(0);
        assertEquals(ORGANIZATION, organization.association());
        assertEquals(EclipseLinkApp.ATTENDEES_PER_EVENT, organization.repetitions(), "the first event's attendees are of three organizations");
        assertEquals(byAssociation(EclipseLinkApp.LOOP).get(ATTENDEES).shape(), organization.trigger());
        assertTrue(organization.hint().startsWith("fetch Attendee.organization with the query that loads the Events:"
                + " @EntityGraph(attributePaths = \"attendees.organization\")"), organization.hint());
        assertEquals(getter(), organization.location());
        assertEquals(SourceLine.of(EclipseLinkApp.class, "// N+1: one event's attendees, their organizations").frame("main"),
                organization.stack().get(1));
    }

    private static String at(String marker) {
        return SourceLine.of(EclipseLinkApp.class, marker).frame("main");
    }

    private static String getter() {
        return SourceLine.of(Attendee.class, "// the woven read of the lazy organization").frame("getOrganization");
    }
}

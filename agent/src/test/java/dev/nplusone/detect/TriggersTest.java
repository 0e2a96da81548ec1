package dev.nplusone.detect;

import dev.nplusone.orm.Association;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which statement is a finding's trigger, and which fix its hint suggests, when lazy loads and
 * loops interleave. The sequences are the ones an ORM produces: the lazy load in progress is set
 * around the statements it runs, as the agent's advice does.
 */
class TriggersTest {

    private static final String PKG = "com.acme.";
    /** The ORM whose words the hints use. */
    private static final dev.nplusone.orm.Orm HIBERNATE = new dev.nplusone.orm.hibernate.HibernateOrm();
    private static final Association CREATOR = association("Event", "creator", Association.Kind.MANY_TO_ONE, "User");
    private static final Association ATTENDEES = association("Event", "attendees", Association.Kind.MANY_TO_MANY, "Attendee");
    private static final Association ORGANIZATION = association("Attendee", "organization", Association.Kind.MANY_TO_ONE, "Organization");
    private static final Association ORG_ATTENDEES = association("Organization", "attendees", Association.Kind.ONE_TO_MANY, "Attendee");
    private static final Association ATTENDEE_EVENTS = association("Attendee", "events", Association.Kind.MANY_TO_MANY, "Event");

    private static final String EVENTS = "select e1_0.id, e1_0.creator_id, e1_0.name from event e1_0 order by e1_0.id";
    private static final String UNAFFILIATED = "select a1_1.id from event e1_0 join event_attendee a1_0 on e1_0.id = a1_0.event_id"
            + " join attendee a1_1 on a1_1.id = a1_0.attendee_id where e1_0.id = ? and a1_1.organization_id is null";
    private static final String USER = "select u1_0.id, u1_0.name from app_user u1_0 where u1_0.id = ?";
    private static final String EVENT_ATTENDEES = "select a1_0.event_id, a1_1.id from event_attendee a1_0 join attendee a1_1 on a1_1.id = a1_0.attendee_id where a1_0.event_id = ?";
    private static final String ORG = "select o1_0.id, o1_0.name from organization o1_0 where o1_0.id = ?";
    private static final String ORGS = "select o1_0.id, o1_0.name from organization o1_0 order by o1_0.id";
    private static final String ORG_MEMBERS = "select a1_0.organization_id, a1_0.id from attendee a1_0 where a1_0.organization_id = ?";
    private static final String MEMBER_EVENTS = "select e1_0.attendee_id, e1_1.id from event_attendee e1_0 join event e1_1 on e1_1.id = e1_0.event_id where e1_0.attendee_id = ?";

    private static final ScopePath SCOPE = () -> List.of("GET /events");

    private final Origins origins = new Origins();
    private final CallSites callSites = new CallSites(new dev.nplusone.detect.FrameFilter(List.of(TriggersTest.class.getName()), null));
    private final ScopeStatements statements = new ScopeStatements(callSites, 3, origins);
    private long key;

    /** Lazy loads are the Associations themselves, as tokens. */
    private static final class Origins implements Attributor {
        Object loading;
        String jsonPath;
        int attributed;

        @Override
        public Object lazyLoad() {
            return loading;
        }

        @Override
        public Attribution attribute() {
            attributed++;
            return new Attribution((Association) loading, jsonPath);
        }

        @Override
        public Association association(Object lazyLoad) {
            return (Association) lazyLoad;
        }
    }

    private static Association association(String owner, String property, Association.Kind kind, String target) {
        return new Association(PKG + owner, property, kind, PKG + target, Set.of(PKG + target), List.of(), HIBERNATE);
    }

    /** One statement; each shape has a call site of its own, as each load has its line. */
    private void query(String shape) {
        long site = shape.hashCode();
        statements.add(shape, ++key, () -> site, SCOPE, 1_000, null);
    }

    private void lazy(Association association, String shape) {
        Object outer = origins.loading;
        origins.loading = association;
        query(shape);
        origins.loading = outer;
    }

    private Map<String, Finding> findingsByShape() {
        List<Finding> findings = statements.findings();
        assertTrue(findings.stream().allMatch(f -> f.type() == Finding.Type.N_PLUS_ONE), findings::toString);
        return findings.stream().collect(Collectors.toMap(Finding::shape, Function.identity()));
    }

    /**
     * The demo's naive event list: per event, a query for its unaffiliated attendees, the creator's
     * proxy (for the first creators only), the attendees, each attendee's organization.
     */
    @Test
    void lazyLoadsOfOtherAssociationsAndSiblingLoopsAreNoTrigger() {
        query(EVENTS);
        for (int event = 0; event < 5; event++) {
            query(UNAFFILIATED);
            if (event < 3) {
                lazy(CREATOR, USER);
            }
            lazy(ATTENDEES, EVENT_ATTENDEES);
            if (event < 3) {
                lazy(ORGANIZATION, ORG);
            }
        }
        Map<String, Finding> findings = findingsByShape();
        assertEquals(Set.of(UNAFFILIATED, USER, EVENT_ATTENDEES, ORG), findings.keySet());

        assertEquals(EVENTS, findings.get(UNAFFILIATED).trigger());
        assertNull(findings.get(UNAFFILIATED).association());
        assertEquals(EVENTS, findings.get(USER).trigger(), "not the unaffiliated attendees' query before it");
        assertSame(CREATOR, findings.get(USER).association());
        assertEquals(EVENTS, findings.get(EVENT_ATTENDEES).trigger(), "not the creator's load before it");
        assertEquals(EVENT_ATTENDEES, findings.get(ORG).trigger(), "the organizations' holders came from Event.attendees");
    }

    @Test
    void hintsSuitWhatWasFound() {
        query(EVENTS);
        for (int event = 0; event < 4; event++) {
            query(UNAFFILIATED);
            lazy(CREATOR, USER);
            lazy(ATTENDEES, EVENT_ATTENDEES);
            lazy(ORGANIZATION, ORG);
        }
        Map<String, Finding> findings = findingsByShape();
        assertEquals("select the rows for all parents at once with \"e1_0.id in (...)\" (or a join) instead of one select per parent",
                findings.get(UNAFFILIATED).hint());
        assertEquals("fetch Event.creator with the query that loads the Events: left join fetch e.creator,"
                + " or @EntityGraph(attributePaths = \"creator\")", findings.get(USER).hint());
        assertEquals("fetch Event.attendees with the query that loads the Events: left join fetch e.attendees,"
                + " or @EntityGraph(attributePaths = \"attendees\"); or load it for many Events at once with @BatchSize on Event.attendees",
                findings.get(EVENT_ATTENDEES).hint());
        assertEquals("fetch Attendee.organization with the query that loads the Events:"
                + " @EntityGraph(attributePaths = \"attendees.organization\"), or join fetches along that path", findings.get(ORG).hint());
    }

    /** The demo's naive organizations: attendees per organization, then each attendee's events. */
    @Test
    void aChainOfLazyLoadsLeadsTheHintToTheQueryAtItsRoot() {
        query(ORGS);
        for (int org = 0; org < 3; org++) {
            lazy(ORG_ATTENDEES, ORG_MEMBERS);
            for (int attendee = 0; attendee < 2; attendee++) {
                lazy(ATTENDEE_EVENTS, MEMBER_EVENTS);
            }
        }
        Map<String, Finding> findings = findingsByShape();
        assertEquals(ORGS, findings.get(ORG_MEMBERS).trigger());
        assertEquals(ORG_MEMBERS, findings.get(MEMBER_EVENTS).trigger());
        assertEquals("fetch Attendee.events with the query that loads the Organizations: @EntityGraph(attributePaths = \"attendees.events\"),"
                + " or join fetches along that path; or load it for many Attendees at once with @BatchSize on Attendee.events",
                findings.get(MEMBER_EVENTS).hint());
    }

    /** A loaded-once association can be the parents' loader too: one event's attendees, then their organizations. */
    @Test
    void aLazyLoadRunOnceLoadsTheParentsOfTheLoopAfterIt() {
        query("select e1_0.id from event e1_0 where e1_0.id = ?");
        lazy(CREATOR, USER);
        lazy(ATTENDEES, EVENT_ATTENDEES);
        for (int attendee = 0; attendee < 3; attendee++) {
            lazy(ORGANIZATION, ORG);
        }
        Finding f = findingsByShape().get(ORG);
        assertEquals(EVENT_ATTENDEES, f.trigger());
        assertTrue(f.hint().contains("@EntityGraph(attributePaths = \"attendees.organization\")"), f.hint());
    }

    /** Without an ORM the trigger stays the statement just before: a plain loop may run inside another plain loop. */
    @Test
    void plainNestedLoopsTriggerEachOther() {
        query("select id from parent");
        for (int parent = 0; parent < 3; parent++) {
            query("select id from child where parent_id = ?");
            for (int child = 0; child < 2; child++) {
                query("select id from grandchild where child_id = ?");
            }
        }
        Map<String, Finding> findings = findingsByShape();
        assertEquals("select id from parent", findings.get("select id from child where parent_id = ?").trigger());
        assertEquals("select id from child where parent_id = ?", findings.get("select id from grandchild where child_id = ?").trigger());
        assertEquals("select the rows for all parents at once with \"child_id in (...)\" (or a join) instead of one select per parent",
                findings.get("select id from grandchild where child_id = ?").hint());
    }

    @Test
    void aPlainLoopPassesOverLazyLoadsRepeatedBesideIt() {
        query(EVENTS);
        for (int event = 0; event < 3; event++) {
            lazy(CREATOR, USER);
            query("select count(*) from ticket where event_id = ?");
        }
        assertEquals(EVENTS, findingsByShape().get("select count(*) from ticket where event_id = ?").trigger());
    }

    @Test
    void theAttributionIsAskedOncePerRepeatedCallSiteAndNeverPerStatement() {
        query(EVENTS);
        for (int event = 0; event < 100; event++) {
            lazy(ATTENDEES, EVENT_ATTENDEES);
        }
        assertEquals(1, origins.attributed, "at the second execution only");
        origins.jsonPath = "$[*].attendees";
        lazy(ATTENDEES, "select 1 from attendee where id = ?");
        lazy(ATTENDEES, "select 1 from attendee where id = ?");
        assertEquals(2, origins.attributed);
    }

    @Test
    void theFindingCarriesTheJsonPathOfItsRepeat() {
        origins.jsonPath = "$[*].attendees";
        for (int event = 0; event < 3; event++) {
            lazy(ATTENDEES, EVENT_ATTENDEES);
        }
        Finding f = findingsByShape().get(EVENT_ATTENDEES);
        assertEquals("$[*].attendees", f.jsonPath());
        assertNull(f.trigger());
    }

    @Test
    void aProxyWhoseHolderIsNotKnownNamesTheCandidatesAndTheirOwnersLoad() {
        Association talks = association("Event", "talks", Association.Kind.ONE_TO_MANY, "Talk");
        Association person = new Association(null, null, Association.Kind.MANY_TO_ONE, PKG + "Person", Set.of(PKG + "Person"),
                List.of(association("Event", "organizer", Association.Kind.MANY_TO_ONE, "Person"),
                        association("Talk", "speaker", Association.Kind.MANY_TO_ONE, "Person")), HIBERNATE);
        query(EVENTS);
        lazy(talks, "select t1_0.id from talk t1_0 where t1_0.event_id = ?");
        for (int talk = 0; talk < 3; talk++) {
            lazy(person, "select p1_0.id from person p1_0 where p1_0.id = ?");
        }
        Finding f = findingsByShape().get("select p1_0.id from person p1_0 where p1_0.id = ?");
        assertEquals("com.acme.Event.organizer or com.acme.Talk.speaker", f.association().name());
        assertEquals("select t1_0.id from talk t1_0 where t1_0.event_id = ?", f.trigger(), "talks hold speakers");
        assertEquals("these Person proxies belong to Event.organizer or Talk.speaker: fetch that association with the query"
                + " that loads its owners (a join fetch, or an @EntityGraph naming it)", f.hint());
    }
}

package dev.nplusone.it.apps.eclipselink;

import dev.nplusone.it.apps.ManualScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Event}s on EclipseLink, woven at load time by its own agent ({@code -javaagent:eclipselink.jar}
 * beside nplusone's), serialized by Jackson 2 and walked by a loop, each in a scope and an entity
 * manager of its own. Only the JPA API: it is compiled against the tests' JPA 3.2 and runs on
 * EclipseLink 4's 3.1.
 */
public final class EclipseLinkApp {

    public static final int EVENTS = 4;
    public static final int ATTENDEES_PER_EVENT = 3;
    /** Among the twelve attendees, each loaded once: the unit of work finds the others in its cache. */
    public static final int ORGANIZATIONS = 5;
    public static final String JACKSON = "jackson eclipselink events";
    public static final String LOOP = "loop over eclipselink events";
    public static final String ONE_EVENT = "one eclipselink event";
    /** A resource of its own rather than META-INF/persistence.xml, which every other test application would see. */
    public static final String PERSISTENCE_XML = "dev/nplusone/it/apps/eclipselink/persistence.xml";

    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 = new com.fasterxml.jackson.databind.ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (Arrays.stream(Attendee.class.getInterfaces()).noneMatch(i -> i.getName().endsWith(".PersistenceWeaved"))) {
            throw new IllegalStateException("Attendee is not woven: its lazy organization would load eagerly");
        }
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory("events", Map.of("eclipselink.persistencexml", PERSISTENCE_XML))) {
            insertData(factory);
            factory.getCache().evictAll(); // each scope starts cold: the shared cache would serve what the one before loaded
            try (ManualScope scope = ManualScope.open(JACKSON); EntityManager em = factory.createEntityManager()) {
                String json = JACKSON2.writeValueAsString(events(em)); // Jackson 2 writes the events
                if (!json.contains("\"organization\":{\"id\":5,\"name\":\"organization 5\"}") || !json.contains("\"speakers\":[{\"id\":1,")
                        || !json.contains("\"talks\":[{\"id\":4,")) {
                    throw new IllegalStateException(json);
                }
            }
            factory.getCache().evictAll();
            try (ManualScope scope = ManualScope.open(LOOP); EntityManager em = factory.createEntityManager()) {
                Set<String> organizations = new HashSet<>();
                int speakers = 0;
                int talks = 0;
                for (Event event : events(em)) {
                    for (Attendee attendee : event.getAttendees()) { // N+1: the attendees of each event
                        organizations.add(attendee.getOrganization().getName()); // N+1: the organization of each attendee
                    }
                    speakers += event.getSpeakers().size(); // N+1: the speakers of each event
                    talks += event.getTalks().size(); // N+1: the talks of each event
                }
                if (organizations.size() != ORGANIZATIONS || speakers != EVENTS * 2 || talks != EVENTS) {
                    throw new IllegalStateException("organizations " + organizations + ", speakers " + speakers + ", talks " + talks);
                }
            }
            factory.getCache().evictAll();
            try (ManualScope scope = ManualScope.open(ONE_EVENT); EntityManager em = factory.createEntityManager()) {
                Event event = em.find(Event.class, 1L); // loads one event
                for (Attendee attendee : event.getAttendees()) { // its attendees, in one lazy load
                    attendee.getOrganization().getName(); // N+1: one event's attendees, their organizations
                }
            }
        }
        System.out.println("done");
    }

    private static List<Event> events(EntityManager em) {
        return em.createQuery("select e from Event e order by e.id", Event.class).getResultList(); // loads the events
    }

    /** Four events, each with three attendees (five organizations among them, in turn), two speakers and a talk of its own. */
    private static void insertData(EntityManagerFactory factory) {
        try (EntityManager em = factory.createEntityManager()) {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            for (int organization = 1; organization <= ORGANIZATIONS; organization++) {
                sql(em, "insert into organization (id, name) values (" + organization + ", 'organization " + organization + "')");
            }
            for (int event = 1; event <= EVENTS; event++) {
                sql(em, "insert into event (id, name) values (" + event + ", 'event " + event + "')");
                for (int i = 1; i <= ATTENDEES_PER_EVENT; i++) {
                    int attendee = event * 10 + i;
                    int organization = ((event - 1) * ATTENDEES_PER_EVENT + i - 1) % ORGANIZATIONS + 1;
                    sql(em, "insert into attendee (id, name, event_id, organization_id) values (" + attendee + ", 'attendee " + attendee + "', "
                            + event + ", " + organization + ")");
                }
                for (int speaker = event * 2 - 1; speaker <= event * 2; speaker++) {
                    sql(em, "insert into speaker (id, name) values (" + speaker + ", 'speaker " + speaker + "')");
                    sql(em, "insert into event_speaker (event_id, speaker_id) values (" + event + ", " + speaker + ")");
                }
                sql(em, "insert into talk (id, name) values (" + event + ", 'talk " + event + "')");
                sql(em, "insert into event_talk (event_id, talk_id) values (" + event + ", " + event + ")");
            }
            tx.commit();
        }
    }

    private static void sql(EntityManager em, String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }
}

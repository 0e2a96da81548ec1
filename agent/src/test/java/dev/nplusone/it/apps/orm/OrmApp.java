package dev.nplusone.it.apps.orm;

import dev.nplusone.it.apps.ManualScope;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;

import java.util.List;

/**
 * Hibernate entities with lazy associations of every kind (see {@link Event}), read three ways,
 * each in a scope of its own and a session of its own: serialized by Jackson 2, by Jackson 3, and
 * walked by a plain mapper ({@link EventSummaries}). Each way loads every association lazily, one
 * statement per parent.
 *
 * <p>Runs on Hibernate 7 and, with another class path, on Hibernate 6: it uses their common API.
 */
public final class OrmApp {

    public static final int EVENTS = 5;
    public static final String JACKSON2 = "jackson2 events";
    public static final String JACKSON3 = "jackson3 events";
    public static final String MAPPER = "mapper events";

    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2_MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final tools.jackson.databind.ObjectMapper JACKSON3_MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        try (SessionFactory factory = sessionFactory("jdbc:h2:mem:orm;DB_CLOSE_DELAY=-1")) {
            insertData(factory);

            try (ManualScope scope = ManualScope.open(JACKSON2); Session session = factory.openSession()) {
                String json = JACKSON2_MAPPER.writeValueAsString(events(session)); // Jackson 2 writes the events
                check(json);
            }
            try (ManualScope scope = ManualScope.open(JACKSON3); Session session = factory.openSession()) {
                String json = JACKSON3_MAPPER.writeValueAsString(events(session)); // Jackson 3 writes the events
                check(json);
            }
            try (ManualScope scope = ManualScope.open(MAPPER); Session session = factory.openSession()) {
                List<String> summaries = EventSummaries.of(events(session));
                if (summaries.size() != EVENTS) {
                    throw new IllegalStateException("summaries: " + summaries);
                }
            }
        }
        System.out.println("done");
    }

    public static List<Event> events(Session session) {
        return session.createSelectionQuery("from Event e order by e.id", Event.class).getResultList(); // loads the events
    }

    private static void check(String json) {
        for (String expected : new String[] {"\"venue\":{\"id\":5,\"name\":\"venue 5\"}", "\"organization\":{\"id\":", "\"speaker\":{\"id\":20",
                                             "\"tags\":["}) {
            if (!json.contains(expected)) {
                throw new IllegalStateException("no " + expected + " in " + json);
            }
        }
    }

    public static SessionFactory sessionFactory(String url) {
        Configuration configuration = new Configuration();
        for (Class<?> entity : new Class<?>[] {Event.class, Talk.class, Attendee.class, Organization.class, Venue.class, Person.class}) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.setProperty("hibernate.connection.url", url);
        configuration.setProperty("hibernate.connection.username", "sa");
        configuration.setProperty("hibernate.hbm2ddl.auto", "create");
        return configuration.buildSessionFactory();
    }

    /**
     * Five events, each with its venue and organizer, three attendees of their own (six
     * organizations among the fifteen), two talks with a speaker each, and two tags.
     */
    public static void insertData(SessionFactory factory) {
        try (Session session = factory.openSession()) {
            Transaction tx = session.beginTransaction();
            for (int org = 1; org <= 6; org++) {
                sql(session, "insert into Organization (id, name) values (" + org + ", 'organization " + org + "')");
            }
            for (int person = 1; person <= 20; person++) {
                sql(session, "insert into Person (id, name) values (" + person + ", 'person " + person + "')");
            }
            for (int event = 1; event <= EVENTS; event++) {
                sql(session, "insert into Venue (id, name) values (" + event + ", 'venue " + event + "')");
                sql(session, "insert into Event (id, name, venue_id, organizer_id) values (" + event + ", 'event " + event + "', " + event + ", " + event + ")");
                for (int i = 1; i <= 3; i++) {
                    int attendee = event * 10 + i;
                    sql(session, "insert into Attendee (id, name, organization_id) values (" + attendee + ", 'attendee " + attendee + "', " + (attendee % 6 + 1) + ")");
                    sql(session, "insert into event_attendee (event_id, attendee_id) values (" + event + ", " + attendee + ")");
                }
                for (int i = 1; i <= 2; i++) {
                    int talk = event * 10 + i;
                    sql(session, "insert into Talk (id, title, event_id, speaker_id) values (" + talk + ", 'talk " + talk + "', " + event + ", " + (8 + event * 2 + i) + ")");
                    sql(session, "insert into event_tag (event_id, tag) values (" + event + ", 'tag " + i + "')");
                }
            }
            tx.commit();
        }
    }

    private static void sql(Session session, String statement) {
        session.createNativeMutationQuery(statement).executeUpdate();
    }
}

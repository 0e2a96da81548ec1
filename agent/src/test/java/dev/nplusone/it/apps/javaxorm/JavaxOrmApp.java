package dev.nplusone.it.apps.javaxorm;

import dev.nplusone.it.apps.ManualScope;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;

import java.util.List;

/**
 * {@link Concert}s on Hibernate 5 ({@code javax.persistence}), serialized by Jackson 2 and walked by
 * a loop, each in a scope and a session of its own. Written against the API Hibernate 5 shares with
 * 7, which it is compiled against.
 */
public final class JavaxOrmApp {

    public static final int CONCERTS = 4;
    public static final String JACKSON = "jackson2 concerts";
    public static final String LOOP = "loop over concerts";

    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 = new com.fasterxml.jackson.databind.ObjectMapper();

    public static void main(String[] args) throws Exception {
        Configuration configuration = new Configuration();
        configuration.addAnnotatedClass(Concert.class);
        configuration.addAnnotatedClass(Hall.class);
        configuration.addAnnotatedClass(Artist.class);
        configuration.setProperty("hibernate.connection.url", "jdbc:h2:mem:javaxorm;DB_CLOSE_DELAY=-1");
        configuration.setProperty("hibernate.connection.username", "sa");
        configuration.setProperty("hibernate.hbm2ddl.auto", "create");
        try (SessionFactory factory = configuration.buildSessionFactory()) {
            insertData(factory);
            try (ManualScope scope = ManualScope.open(JACKSON); Session session = factory.openSession()) {
                String json = JACKSON2.writeValueAsString(concerts(session)); // Jackson 2 writes the concerts
                if (!json.contains("\"hall\":{\"id\":4,\"name\":\"hall 4\"}")) {
                    throw new IllegalStateException(json);
                }
            }
            try (ManualScope scope = ManualScope.open(LOOP); Session session = factory.openSession()) {
                int performers = 0;
                for (Concert concert : concerts(session)) {
                    concert.getHall().getName(); // N+1: the hall of each concert
                    performers += concert.getPerformers().size(); // N+1: the performers of each concert
                }
                if (performers != CONCERTS * 2) {
                    throw new IllegalStateException("performers: " + performers);
                }
            }
        }
        System.out.println("done");
    }

    private static List<Concert> concerts(Session session) {
        return session.createQuery("from Concert c order by c.id", Concert.class).getResultList();
    }

    private static void insertData(SessionFactory factory) {
        try (Session session = factory.openSession()) {
            Transaction tx = session.beginTransaction();
            for (int concert = 1; concert <= CONCERTS; concert++) {
                sql(session, "insert into Hall (id, name) values (" + concert + ", 'hall " + concert + "')");
                sql(session, "insert into Concert (id, name, hall_id) values (" + concert + ", 'concert " + concert + "', " + concert + ")");
                for (int i = 1; i <= 2; i++) {
                    int artist = concert * 10 + i;
                    sql(session, "insert into Artist (id, name) values (" + artist + ", 'artist " + artist + "')");
                    sql(session, "insert into concert_artist (concert_id, artist_id) values (" + concert + ", " + artist + ")");
                }
            }
            tx.commit();
        }
    }

    private static void sql(Session session, String statement) {
        session.createNativeQuery(statement).executeUpdate();
    }
}

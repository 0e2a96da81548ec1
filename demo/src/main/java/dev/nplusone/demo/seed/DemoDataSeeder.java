package dev.nplusone.demo.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the in-memory database at startup, once every bean is ready and before the web server
 * takes requests. The data is the same on every run (fixed random seed), so the naive and eager
 * endpoints, the tests and the measured numbers can be compared from run to run. Rows go in as
 * JDBC batches: thousands of rows take well under a second.
 */
@Component
class DemoDataSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final long RANDOM_SEED = 42;
    private static final LocalDate FIRST_EVENT_DATE = LocalDate.of(2025, 1, 1);

    private final JdbcTemplate jdbc;
    private final SeedProperties seed;

    DemoDataSeeder(JdbcTemplate jdbc, SeedProperties seed) {
        this.jdbc = jdbc;
        this.seed = seed;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        Random random = new Random(RANDOM_SEED);

        List<Object[]> users = new ArrayList<>();
        for (long id = 1; id <= seed.users(); id++) {
            users.add(new Object[] {id, "User " + id});
        }
        jdbc.batchUpdate("insert into app_user (id, name) values (?, ?)", users);

        List<Object[]> organizations = new ArrayList<>();
        for (long id = 1; id <= seed.organizations(); id++) {
            organizations.add(new Object[] {id, "Organization " + id});
        }
        jdbc.batchUpdate("insert into organization (id, name) values (?, ?)", organizations);

        List<Object[]> attendees = new ArrayList<>();
        for (long id = 1; id <= seed.attendees(); id++) {
            Long organization = random.nextDouble() < seed.unaffiliatedShare()
                    ? null
                    : 1L + random.nextInt(seed.organizations());
            attendees.add(new Object[] {id, "Attendee " + id, organization});
        }
        jdbc.batchUpdate("insert into attendee (id, name, organization_id) values (?, ?, ?)", attendees);

        List<Object[]> events = new ArrayList<>();
        List<Object[]> eventAttendees = new ArrayList<>();
        long[] pool = new long[seed.attendees()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i + 1;
        }
        for (long id = 1; id <= seed.events(); id++) {
            LocalDate date = FIRST_EVENT_DATE.plusDays(random.nextInt(365));
            events.add(new Object[] {id, "Event " + id, date, 1L + random.nextInt(seed.users())});
            // A partial Fisher-Yates shuffle: the first attendeesPerEvent slots become a random, distinct draw.
            for (int slot = 0; slot < seed.attendeesPerEvent(); slot++) {
                int other = slot + random.nextInt(pool.length - slot);
                long drawn = pool[other];
                pool[other] = pool[slot];
                pool[slot] = drawn;
                eventAttendees.add(new Object[] {id, drawn});
            }
        }
        jdbc.batchUpdate("insert into event (id, name, event_date, creator_id) values (?, ?, ?, ?)", events);
        jdbc.batchUpdate("insert into event_attendee (event_id, attendee_id) values (?, ?)", eventAttendees);
        // Fresh statistics, as a database server would keep them. Without them, H2 plans the
        // per-event filter on unaffiliated attendees as a scan of every unaffiliated attendee.
        jdbc.execute("analyze");

        log.info("Seeded {} in {} ms", seed.describe(), (System.nanoTime() - started) / 1_000_000);
    }
}

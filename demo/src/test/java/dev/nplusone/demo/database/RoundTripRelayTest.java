package dev.nplusone.demo.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The relay between the application and a real H2 server: statements answer what the database
 * holds, and each takes at least the added round trip. Only a lower bound is asserted: how much
 * longer a busy machine takes says nothing about the relay.
 */
class RoundTripRelayTest {

    private static final Duration ROUND_TRIP = Duration.ofMillis(20);
    private static final int STATEMENTS = 10;

    @Test
    void eachStatementTakesAtLeastTheAddedRoundTrip() throws Exception {
        try (H2Database database = H2Database.start();
                RoundTripRelay relay = RoundTripRelay.start(database.port(), ROUND_TRIP);
                Connection connection = DriverManager.getConnection(database.jdbcUrl(relay.port()), database.user(), "");
                PreparedStatement statement = connection.prepareStatement("select ? * 2")) {
            long started = System.nanoTime();
            for (int i = 0; i < STATEMENTS; i++) {
                statement.setInt(1, i);
                try (ResultSet result = statement.executeQuery()) {
                    assertTrue(result.next());
                    assertEquals(i * 2, result.getInt(1));
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(elapsed.compareTo(ROUND_TRIP.multipliedBy(STATEMENTS)) >= 0,
                    () -> STATEMENTS + " statements through a relay adding " + ROUND_TRIP + " took only " + elapsed);
        }
    }

    @Test
    void formatsRoundTripsAsPeopleWriteThem() {
        assertEquals("0.2 ms", RoundTripRelay.format(Duration.ofNanos(200_000)));
        assertEquals("1 ms", RoundTripRelay.format(Duration.ofMillis(1)));
        assertEquals("0 ms", RoundTripRelay.format(Duration.ZERO));
    }
}

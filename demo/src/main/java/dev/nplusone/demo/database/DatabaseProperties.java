package dev.nplusone.demo.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which database the demo runs on, and how far away it seems.
 *
 * @param database  {@code h2} (the default: in memory, nothing to install) or {@code postgres} (a
 *                  real PostgreSQL server process that the demo starts from Maven-published binaries)
 * @param roundTrip a delay added to every request/response turn between the application and its
 *                  database by a {@link RoundTripRelay}, e.g. {@code 200us} or {@code 1ms}; zero (the
 *                  default) connects directly
 */
@ConfigurationProperties("demo")
public record DatabaseProperties(
        @DefaultValue("h2") Database database,
        @DefaultValue("0ms") Duration roundTrip) {

    public enum Database { H2, POSTGRES }

    public DatabaseProperties {
        if (roundTrip.isNegative()) {
            throw new IllegalArgumentException("demo.round-trip must be zero or more, not " + roundTrip);
        }
    }

    /** One line for logs and the tour, saying plainly that the round trip is added. */
    public String describe() {
        String name = database == Database.H2 ? "H2 in memory, over TCP on this machine" : "PostgreSQL on this machine";
        return roundTrip.isZero()
                ? name + ", no round trip added"
                : name + ", " + RoundTripRelay.format(roundTrip) + " added to each round trip by a TCP relay";
    }
}

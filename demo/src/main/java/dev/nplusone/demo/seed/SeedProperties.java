package dev.nplusone.demo.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much data the demo makes at startup ({@code demo.seed.*}). The defaults make the naive
 * endpoints issue thousands of statements.
 *
 * @param users              users who create the events
 * @param organizations      organizations the attendees belong to
 * @param attendees          the pool of attendees that events draw from
 * @param unaffiliatedShare  the share of attendees who belong to no organization, from 0 to 1
 * @param events             events, each created by a random user
 * @param attendeesPerEvent  distinct attendees drawn at random for each event
 */
@ConfigurationProperties("demo.seed")
public record SeedProperties(
        @DefaultValue("100") int users,
        @DefaultValue("20") int organizations,
        @DefaultValue("2000") int attendees,
        @DefaultValue("0.2") double unaffiliatedShare,
        @DefaultValue("1000") int events,
        @DefaultValue("10") int attendeesPerEvent) {

    public SeedProperties {
        positive("users", users);
        positive("organizations", organizations);
        positive("attendees", attendees);
        positive("events", events);
        positive("attendees-per-event", attendeesPerEvent);
        if (attendeesPerEvent > attendees) {
            throw new IllegalArgumentException("demo.seed.attendees-per-event (" + attendeesPerEvent
                    + ") cannot exceed demo.seed.attendees (" + attendees + ")");
        }
        if (unaffiliatedShare < 0 || unaffiliatedShare > 1) {
            throw new IllegalArgumentException("demo.seed.unaffiliated-share must be from 0 to 1, not " + unaffiliatedShare);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("demo.seed." + name + " must be at least 1, not " + value);
        }
    }

    /** One line for logs and the tour. */
    public String describe() {
        return String.format("%d events x %d attendees (drawn from %d, %.0f%% unaffiliated), %d users, %d organizations",
                events, attendeesPerEvent, attendees, unaffiliatedShare * 100, users, organizations);
    }
}

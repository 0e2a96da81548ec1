package dev.nplusone.demo.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.nplusone.demo.domain.Attendee;
import dev.nplusone.demo.domain.Event;
import dev.nplusone.demo.domain.Organization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An organization as the API shows it: its id, its name and the events its attendees go to.
 *
 * <p>Unlike {@link EventDto}, this view computes {@link #getEvents()} while Jackson writes the
 * response, as many views and DTOs over entities do. What it walks is loaded by then for the eager
 * endpoint; for the naive one, the selects run inside serialization, after the controller has
 * returned, which works only because {@code spring.jpa.open-in-view} keeps the persistence context
 * open until the response is written.
 */
@JsonPropertyOrder({"id", "name", "events"})
public final class OrganizationView {

    private final Organization organization;

    OrganizationView(Organization organization) {
        this.organization = organization;
    }

    public long getId() {
        return organization.getId();
    }

    public String getName() {
        return organization.getName();
    }

    /** The distinct events that this organization's attendees go to, by id. */
    public List<EventSummaryDto> getEvents() {
        Map<Long, EventSummaryDto> events = new TreeMap<>();
        for (Attendee attendee : organization.getAttendees()) { // N+1: a select per organization
            for (Event event : attendee.getEvents()) { // N+1: a select per attendee
                events.computeIfAbsent(event.getId(), id -> EventSummaryDto.of(event));
            }
        }
        return List.copyOf(events.values());
    }
}

package dev.nplusone.demo.api;

import dev.nplusone.demo.domain.Attendee;
import dev.nplusone.demo.domain.Event;
import dev.nplusone.demo.domain.Organization;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Maps events to {@link EventDto}: the one mapping that the naive and the eager endpoints share, so
 * that they answer with the same JSON by construction and differ only in what they loaded first.
 *
 * <p>Each association read here comes from memory when it was loaded beforehand, and costs a
 * select when it was not: for the naive endpoints, the lines marked below are where the N+1
 * statements start.
 */
@Component
public class EventMapper {

    /** Nested lists are sorted here, so that their order never depends on how they were fetched. */
    private static final Comparator<Attendee> BY_ID = Comparator.comparing(Attendee::getId);

    public EventDto toDto(Event event, Collection<Attendee> unaffiliatedAttendees) {
        return new EventDto(
                event.getId(),
                event.getName(),
                event.getDate(),
                event.getCreator().getName(), // N+1: a select per creator not loaded yet
                attendees(event.getAttendees()),
                attendees(unaffiliatedAttendees));
    }

    private List<AttendeeDto> attendees(Collection<Attendee> attendees) {
        return attendees.stream()
                .sorted(BY_ID)
                .map(this::toDto)
                .toList(); // N+1: the stream's iteration loads the event's attendees, a select per event
    }

    public AttendeeDto toDto(Attendee attendee) {
        Organization organization = attendee.getOrganization();
        String organizationName = organization == null
                ? null
                : organization.getName(); // N+1: a select per organization not loaded yet
        return new AttendeeDto(attendee.getId(), attendee.getName(), organizationName);
    }
}

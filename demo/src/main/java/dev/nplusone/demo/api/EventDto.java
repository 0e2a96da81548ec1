package dev.nplusone.demo.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An event as the API shows it, the shape of Django REST Framework's classic EventSerializer: a
 * to-one (the creator's name), a nested to-many (the attendees) with a to-one inside it (each
 * attendee's organization), and a filtered subset of the to-many (the attendees with no organization).
 */
public record EventDto(
        long id,
        String name,
        LocalDate date,
        String creator,
        List<AttendeeDto> attendees,
        List<AttendeeDto> unaffiliatedAttendees) {
}

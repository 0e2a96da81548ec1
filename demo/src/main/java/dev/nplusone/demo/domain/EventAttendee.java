package dev.nplusone.demo.domain;

/** A row of the event-attendee relation: the attendee, and the id of the event they go to. */
public record EventAttendee(Long eventId, Attendee attendee) {
}

package dev.nplusone.demo.api;

/** An attendee as the API shows it, with the name of their organization (null if they have none). */
public record AttendeeDto(long id, String name, String organization) {
}

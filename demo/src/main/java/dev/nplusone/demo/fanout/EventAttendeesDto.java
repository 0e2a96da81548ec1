package dev.nplusone.demo.fanout;

import dev.nplusone.demo.api.AttendeeDto;
import java.util.List;

/** An event with its attendees, by id. */
public record EventAttendeesDto(long id, String name, List<AttendeeDto> attendees) {
}

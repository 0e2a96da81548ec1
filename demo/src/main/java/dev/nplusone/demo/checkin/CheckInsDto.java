package dev.nplusone.demo.checkin;

import java.util.List;

/** The attendees checked in at an event, by id. */
public record CheckInsDto(long event, List<Long> attendees) {
}

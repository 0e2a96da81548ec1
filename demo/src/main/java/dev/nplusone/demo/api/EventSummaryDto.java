package dev.nplusone.demo.api;

import dev.nplusone.demo.domain.Event;
import java.time.LocalDate;

/** An event without its people, as listed under an organization. */
public record EventSummaryDto(long id, String name, LocalDate date) {

    static EventSummaryDto of(Event event) {
        return new EventSummaryDto(event.getId(), event.getName(), event.getDate());
    }
}

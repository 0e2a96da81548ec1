package dev.nplusone.demo.fanout;

import dev.nplusone.demo.api.AttendeeDto;
import dev.nplusone.demo.api.EventMapper;
import dev.nplusone.demo.domain.Attendee;
import dev.nplusone.demo.domain.Event;
import dev.nplusone.demo.domain.EventRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every event with its attendees. The naive version fans out: it reads the events, then asks
 * {@link AttendeeLoader} for each event's attendees in parallel on Spring's task executor, which
 * hides the N+1's latency behind threads but still runs a select per event. The eager version runs
 * one select.
 */
@RestController
public class FanOutController {

    private final EventRepository events;
    private final AttendeeLoader loader;
    private final EventMapper mapper;

    FanOutController(EventRepository events, AttendeeLoader loader, EventMapper mapper) {
        this.events = events;
        this.loader = loader;
        this.mapper = mapper;
    }

    @GetMapping("/naive/fan-out/events")
    public List<EventAttendeesDto> naive() {
        List<Event> all = events.findAllByOrderByIdAsc();
        List<CompletableFuture<List<AttendeeDto>>> loads = new ArrayList<>();
        for (Event event : all) {
            loads.add(loader.attendeesOf(event.getId()));
        }
        List<EventAttendeesDto> dtos = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Event event = all.get(i);
            dtos.add(new EventAttendeesDto(event.getId(), event.getName(), loads.get(i).join()));
        }
        return dtos;
    }

    /** One select: the events with their attendees and the attendees' organizations (fetch joins). */
    @GetMapping("/eager/fan-out/events")
    public List<EventAttendeesDto> eager() {
        return events.findAllWithCreatorAndAttendees().stream()
                .map(event -> new EventAttendeesDto(event.getId(), event.getName(), event.getAttendees().stream()
                        .sorted(Comparator.comparing(Attendee::getId))
                        .map(mapper::toDto)
                        .toList()))
                .toList();
    }
}

package dev.nplusone.demo.fanout;

import dev.nplusone.demo.api.AttendeeDto;
import dev.nplusone.demo.api.EventMapper;
import dev.nplusone.demo.domain.AttendeeRepository;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Loads one event's attendees on Spring's task executor ({@code @Async}), so that a caller can load
 * many events' attendees in parallel. Parallel or not, it is still a select per event: the
 * request's N+1, spread over other threads.
 */
@Component
public class AttendeeLoader {

    private final AttendeeRepository attendees;
    private final EventMapper mapper;

    AttendeeLoader(AttendeeRepository attendees, EventMapper mapper) {
        this.attendees = attendees;
        this.mapper = mapper;
    }

    @Async
    public CompletableFuture<List<AttendeeDto>> attendeesOf(long eventId) {
        List<AttendeeDto> loaded = attendees.findByEventId(eventId).stream().map(mapper::toDto).toList();
        return CompletableFuture.completedFuture(loaded);
    }
}

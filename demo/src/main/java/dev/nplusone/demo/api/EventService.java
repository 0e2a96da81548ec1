package dev.nplusone.demo.api;

import dev.nplusone.demo.domain.Attendee;
import dev.nplusone.demo.domain.AttendeeRepository;
import dev.nplusone.demo.domain.Event;
import dev.nplusone.demo.domain.EventAttendee;
import dev.nplusone.demo.domain.EventRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads events for both versions of the API. Both map with the same {@link EventMapper}; they
 * differ only in what they load before mapping.
 */
@Service
@Transactional(readOnly = true)
public class EventService {

    private final EventRepository events;
    private final AttendeeRepository attendees;
    private final EventMapper mapper;

    EventService(EventRepository events, AttendeeRepository attendees, EventMapper mapper) {
        this.events = events;
        this.attendees = attendees;
        this.mapper = mapper;
    }

    /**
     * One select for the events; then, for each event, one select for its unaffiliated attendees
     * and the selects that the mapper sets off through lazy associations.
     */
    public List<EventDto> naiveList() {
        List<EventDto> dtos = new ArrayList<>();
        for (Event event : events.findAllByOrderByIdAsc()) {
            dtos.add(naiveDto(event));
        }
        return dtos;
    }

    public Optional<EventDto> naiveOne(long id) {
        return events.findById(id).map(this::naiveDto);
    }

    private EventDto naiveDto(Event event) {
        // A filter per object, as a DRF SerializerMethodField would run it: N+1, a select per event.
        List<Attendee> unaffiliated = attendees.findUnaffiliatedByEvent(event);
        return mapper.toDto(event, unaffiliated);
    }

    /**
     * Two selects, whatever the number of events. The Java counterpart of DRF's
     * {@code EventSerializer.setup_eager_loading}: load everything the mapper reads, up front.
     */
    public List<EventDto> eagerList() {
        // 1. The events, with their creator, attendees and attendees' organizations (fetch joins).
        List<Event> loaded = events.findAllWithCreatorAndAttendees();
        // 2. The unaffiliated attendees of all of them at once.
        Map<Long, List<Attendee>> unaffiliated = unaffiliatedByEvent(loaded);
        return loaded.stream()
                .map(event -> mapper.toDto(event, unaffiliated.get(event.getId())))
                .toList();
    }

    /**
     * Two selects: the event with the same fetch joins as {@link #eagerList()}, then its
     * unaffiliated attendees; for one event there is nothing to batch.
     */
    public Optional<EventDto> eagerOne(long id) {
        return events.findWithCreatorAndAttendeesById(id)
                .map(event -> mapper.toDto(event, attendees.findUnaffiliatedByEvent(event)));
    }

    /** The unaffiliated attendees of each of the given events (an empty list for none), in one select. */
    private Map<Long, List<Attendee>> unaffiliatedByEvent(Collection<Event> loaded) {
        Map<Long, List<Attendee>> byEvent = new HashMap<>();
        for (Event event : loaded) {
            byEvent.put(event.getId(), new ArrayList<>());
        }
        for (EventAttendee row : attendees.findUnaffiliatedByEvents(loaded)) {
            byEvent.get(row.eventId()).add(row.attendee());
        }
        return byEvent;
    }
}

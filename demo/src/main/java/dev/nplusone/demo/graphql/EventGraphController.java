package dev.nplusone.demo.graphql;

import dev.nplusone.demo.api.AttendeeDto;
import dev.nplusone.demo.api.EventMapper;
import dev.nplusone.demo.domain.AttendeeRepository;
import dev.nplusone.demo.domain.EventAttendee;
import dev.nplusone.demo.domain.EventRepository;
import dev.nplusone.demo.graphql.GraphQlEvent.EagerEvent;
import dev.nplusone.demo.graphql.GraphQlEvent.NaiveEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL API ({@code graphql/schema.graphqls}): {@code events { id name attendees { ... } } }.
 *
 * <p>The classic GraphQL N+1 is a field fetcher per parent: graphql-java calls a
 * {@code @SchemaMapping} method once for each event in the list, and each call runs a select. The fix
 * is {@code @BatchMapping}: Spring for GraphQL collects the events and calls the method once, through
 * a DataLoader, with all of them.
 */
@Controller
public class EventGraphController {

    private final EventRepository events;
    private final AttendeeRepository attendees;
    private final EventMapper mapper;

    EventGraphController(EventRepository events, AttendeeRepository attendees, EventMapper mapper) {
        this.events = events;
        this.attendees = attendees;
        this.mapper = mapper;
    }

    /** One select; the path the request came in on ({@link GraphQlRoutes}) decides how attendees load. */
    @QueryMapping
    public List<GraphQlEvent> events(@ContextValue(GraphQlRoutes.VERSION) String version) {
        boolean eager = GraphQlRoutes.EAGER.equals(version);
        return events.findAllByOrderByIdAsc().stream()
                .map(event -> eager
                        ? (GraphQlEvent) new EagerEvent(event.getId(), event.getName())
                        : new NaiveEvent(event.getId(), event.getName()))
                .toList();
    }

    /** Naive: called once per event, a select each. */
    @SchemaMapping(typeName = "NaiveEvent", field = "attendees")
    public List<AttendeeDto> attendees(NaiveEvent event) {
        return attendees.findByEventId(event.id()).stream().map(mapper::toDto).toList();
    }

    /** Eager: called once with every event of the response, one select for all. */
    @BatchMapping(typeName = "EagerEvent", field = "attendees")
    public Map<EagerEvent, List<AttendeeDto>> attendees(List<EagerEvent> parents) {
        Map<Long, List<AttendeeDto>> byId = new LinkedHashMap<>();
        for (EagerEvent parent : parents) {
            byId.put(parent.id(), new ArrayList<>());
        }
        for (EventAttendee row : attendees.findByEventIds(byId.keySet())) {
            byId.get(row.eventId()).add(mapper.toDto(row.attendee()));
        }
        Map<EagerEvent, List<AttendeeDto>> result = new LinkedHashMap<>();
        for (EagerEvent parent : parents) {
            result.put(parent, byId.get(parent.id()));
        }
        return result;
    }
}

package dev.nplusone.demo.api;

import dev.nplusone.demo.domain.OrganizationRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fixed versions: same JSON as {@link NaiveController}, from a few selects that load it all. */
@RestController
@RequestMapping("/eager")
public class EagerController {

    private final EventService events;
    private final OrganizationRepository organizations;

    EagerController(EventService events, OrganizationRepository organizations) {
        this.events = events;
        this.organizations = organizations;
    }

    @GetMapping("/events")
    public List<EventDto> events() {
        return events.eagerList();
    }

    @GetMapping("/events/{id}")
    public EventDto event(@PathVariable long id) {
        return events.eagerOne(id).orElseThrow(() -> new EventNotFoundException(id));
    }

    /** One select: the views then find attendees and their events in memory. */
    @GetMapping("/organizations")
    public List<OrganizationView> organizations() {
        return organizations.findAllWithAttendeesAndTheirEvents().stream().map(OrganizationView::new).toList();
    }
}

package dev.nplusone.demo.api;

import dev.nplusone.demo.domain.OrganizationRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The N+1 versions: read the root rows, and let mapping and serialization load the rest lazily. */
@RestController
@RequestMapping("/naive")
public class NaiveController {

    private final EventService events;
    private final OrganizationRepository organizations;

    NaiveController(EventService events, OrganizationRepository organizations) {
        this.events = events;
        this.organizations = organizations;
    }

    @GetMapping("/events")
    public List<EventDto> events() {
        return events.naiveList();
    }

    @GetMapping("/events/{id}")
    public EventDto event(@PathVariable long id) {
        return events.naiveOne(id).orElseThrow(() -> new EventNotFoundException(id));
    }

    /** One select here; the views load attendees and their events while Jackson writes them. */
    @GetMapping("/organizations")
    public List<OrganizationView> organizations() {
        return organizations.findAllByOrderByIdAsc().stream().map(OrganizationView::new).toList();
    }
}

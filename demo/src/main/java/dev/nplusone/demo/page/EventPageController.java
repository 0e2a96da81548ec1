package dev.nplusone.demo.page;

import dev.nplusone.demo.domain.EventRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A server-rendered page of events (Thymeleaf, {@code templates/events.html}), whose template reads
 * each event's creator and attendees. Both versions render the same template with the same HTML;
 * they differ only in what the controller loaded before the view renders.
 *
 * <p>Naive, the template's own expressions load the associations one event at a time while the view
 * renders, after this controller has returned: {@code spring.jpa.open-in-view} keeps the persistence
 * context open for it, as Spring Boot does by default.
 */
@Controller
public class EventPageController {

    private final EventRepository events;

    EventPageController(EventRepository events) {
        this.events = events;
    }

    /** One select here; then a select per event for its attendees, and one per creator, in the template. */
    @GetMapping("/naive/pages/events")
    public String naive(Model model) {
        model.addAttribute("events", events.findAllByOrderByIdAsc());
        return "events";
    }

    /** One select, with the fetch joins that load what the template reads. */
    @GetMapping("/eager/pages/events")
    public String eager(Model model) {
        model.addAttribute("events", events.findAllWithCreatorAndAttendees());
        return "events";
    }
}

package dev.nplusone.it.apps.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A plain mapper: it walks every association of each event, the way a DTO mapper does. Each line
 * marked below starts a lazy load per event (or per attendee, per talk).
 */
public final class EventSummaries {

    private EventSummaries() {
    }

    public static List<String> of(List<Event> events) {
        List<String> summaries = new ArrayList<>();
        for (Event event : events) {
            String venue = event.getVenue().getName(); // N+1: the venue of each event
            int attendees = event.getAttendees().size(); // N+1: the attendees of each event
            TreeSet<String> organizations = new TreeSet<>();
            for (Attendee attendee : event.getAttendees()) {
                organizations.add(attendee.getOrganization().getName()); // N+1: the organization of each attendee
            }
            List<String> speakers = new ArrayList<>();
            for (Talk talk : event.getTalks()) { // N+1: the talks of each event
                speakers.add(talk.getSpeaker().getName()); // N+1: the speaker of each talk
            }
            int tags = event.getTags().size(); // N+1: the tags of each event
            summaries.add(event.getName() + " at " + venue + ": " + attendees + " attendees of " + organizations
                    + ", talks by " + speakers + ", " + tags + " tags");
        }
        return summaries;
    }
}

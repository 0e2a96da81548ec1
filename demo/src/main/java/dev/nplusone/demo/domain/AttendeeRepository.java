package dev.nplusone.demo.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface AttendeeRepository extends Repository<Attendee, Long> {

    /** One event's attendees who belong to no organization. */
    @Query("select a from Event e join e.attendees a where e = :event and a.organization is null")
    List<Attendee> findUnaffiliatedByEvent(Event event);

    /** The same filter for many events in one select: each row pairs an event with one of its attendees. */
    @Query("""
            select new dev.nplusone.demo.domain.EventAttendee(e.id, a)
            from Event e join e.attendees a
            where e in :events and a.organization is null""")
    List<EventAttendee> findUnaffiliatedByEvents(Collection<Event> events);

    /** One event's attendees, by id, with their organizations. */
    @Query("""
            select a from Event e join e.attendees a left join fetch a.organization
            where e.id = :eventId order by a.id""")
    List<Attendee> findByEventId(long eventId);

    /** The attendees of many events in one select, with their organizations, by event and attendee id. */
    @Query("""
            select new dev.nplusone.demo.domain.EventAttendee(e.id, a)
            from Event e join e.attendees a left join fetch a.organization
            where e.id in :eventIds order by e.id, a.id""")
    List<EventAttendee> findByEventIds(Collection<Long> eventIds);
}

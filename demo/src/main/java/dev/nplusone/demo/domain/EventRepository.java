package dev.nplusone.demo.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface EventRepository extends Repository<Event, Long> {

    /** The events alone: whatever else is read from them is loaded later, one select at a time. */
    List<Event> findAllByOrderByIdAsc();

    /** The event alone, as {@link #findAllByOrderByIdAsc()} does for all of them. */
    Optional<Event> findById(Long id);

    /**
     * The events with everything an EventDto reads from them but the unaffiliated attendees: the
     * fetch joins load creator, attendees and their organizations in this one select. (An entity
     * graph would do the same, but Hibernate plans a query with a graph anew on every call.)
     */
    @Query("""
            select e from Event e
            join fetch e.creator
            left join fetch e.attendees a
            left join fetch a.organization
            order by e.id""")
    List<Event> findAllWithCreatorAndAttendees();

    /** The event with the same fetch joins as {@link #findAllWithCreatorAndAttendees()}. */
    @Query("""
            select e from Event e
            join fetch e.creator
            left join fetch e.attendees a
            left join fetch a.organization
            where e.id = :id""")
    Optional<Event> findWithCreatorAndAttendeesById(Long id);

    /** The ids of one event's attendees, in order. */
    @Query("select a.id from Event e join e.attendees a where e.id = :eventId order by a.id")
    List<Long> findAttendeeIds(long eventId);
}

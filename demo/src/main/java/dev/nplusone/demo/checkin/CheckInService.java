package dev.nplusone.demo.checkin;

import dev.nplusone.demo.domain.CheckIn;
import dev.nplusone.demo.domain.CheckInRepository;
import dev.nplusone.demo.domain.EventRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks in every attendee of an event: a write path that inserts one row per attendee. Both versions
 * run the same code; the batched one first turns on JDBC batching for its session, which is what
 * {@code spring.jpa.properties.hibernate.jdbc.batch_size} does for every session of an application.
 */
@Service
public class CheckInService {

    /** Rows per JDBC batch; an event's attendees fit in one. */
    static final int BATCH_SIZE = 50;

    private final EntityManager entityManager;
    private final EventRepository events;
    private final CheckInRepository checkIns;

    CheckInService(EntityManager entityManager, EventRepository events, CheckInRepository checkIns) {
        this.entityManager = entityManager;
        this.events = events;
        this.checkIns = checkIns;
    }

    /** An INSERT per attendee, each its own round trip: Hibernate does not batch unless told to. */
    @Transactional
    public CheckInsDto oneByOne(long eventId) {
        return checkIn(eventId);
    }

    /** The same INSERTs sent as one JDBC batch. */
    @Transactional
    public CheckInsDto batched(long eventId) {
        entityManager.unwrap(Session.class).setJdbcBatchSize(BATCH_SIZE);
        return checkIn(eventId);
    }

    /** Replaces the event's check-ins with one per attendee, so that calling it again gives the same rows. */
    private CheckInsDto checkIn(long eventId) {
        List<Long> attendeeIds = events.findAttendeeIds(eventId);
        checkIns.deleteByEventId(eventId);
        for (Long attendeeId : attendeeIds) {
            entityManager.persist(new CheckIn(eventId, attendeeId));
        }
        // Hibernate writes the persisted rows here: one INSERT each, or one batch of them all.
        entityManager.flush();
        return new CheckInsDto(eventId, checkIns.findAttendeeIdsByEventId(eventId));
    }
}

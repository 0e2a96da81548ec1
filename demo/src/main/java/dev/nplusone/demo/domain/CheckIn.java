package dev.nplusone.demo.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An attendee checked in at an event: written by the check-in endpoints, one row per attendee. */
@Entity
@Table(name = "check_in")
@IdClass(CheckIn.Key.class)
public class CheckIn {

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Id
    @Column(name = "attendee_id")
    private Long attendeeId;

    protected CheckIn() {
    }

    public CheckIn(long eventId, long attendeeId) {
        this.eventId = eventId;
        this.attendeeId = attendeeId;
    }

    public Long getEventId() {
        return eventId;
    }

    public Long getAttendeeId() {
        return attendeeId;
    }

    /** The composite primary key, as JPA's {@code @IdClass} wants it. */
    public record Key(Long eventId, Long attendeeId) implements Serializable {
    }
}

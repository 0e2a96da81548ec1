package dev.nplusone.demo.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** An event: created by a user, attended by many attendees. */
@Entity
public class Event {

    @Id
    private Long id;

    private String name;

    @Column(name = "event_date") // DATE is an SQL keyword
    private LocalDate date;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private User creator;

    @ManyToMany
    @JoinTable(name = "event_attendee",
            joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "attendee_id"))
    private Set<Attendee> attendees = new HashSet<>();

    protected Event() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDate() {
        return date;
    }

    public User getCreator() {
        return creator;
    }

    public Set<Attendee> getAttendees() {
        return attendees;
    }
}

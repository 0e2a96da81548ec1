package dev.nplusone.demo.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.HashSet;
import java.util.Set;

/** A person who goes to events, on behalf of an organization or on their own. */
@Entity
public class Attendee {

    @Id
    private Long id;

    private String name;

    /** Null for an unaffiliated attendee. */
    @ManyToOne(fetch = FetchType.LAZY)
    private Organization organization;

    @ManyToMany(mappedBy = "attendees")
    private Set<Event> events = new HashSet<>();

    protected Attendee() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Organization getOrganization() {
        return organization;
    }

    public Set<Event> getEvents() {
        return events;
    }
}

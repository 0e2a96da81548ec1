package dev.nplusone.demo.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.HashSet;
import java.util.Set;

/** A company or club that attendees belong to. */
@Entity
public class Organization {

    @Id
    private Long id;

    private String name;

    @OneToMany(mappedBy = "organization")
    private Set<Attendee> attendees = new HashSet<>();

    protected Organization() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Attendee> getAttendees() {
        return attendees;
    }
}

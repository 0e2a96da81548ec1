package dev.nplusone.it.apps.orm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One association of each kind, all lazy: to-one, one-to-many, many-to-many and an element collection. */
@Entity
@JsonPropertyOrder({"id", "name", "venue", "attendees", "talks", "tags"})
public class Event {

    @Id
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private Venue venue;

    /** Also a Person, as Talk.speaker is: a Person proxy alone does not tell which of the two holds it. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    private Person organizer;

    @ManyToMany
    @JoinTable(name = "event_attendee", joinColumns = @JoinColumn(name = "event_id"), inverseJoinColumns = @JoinColumn(name = "attendee_id"))
    @OrderBy("id")
    private List<Attendee> attendees = new ArrayList<>();

    @OneToMany(mappedBy = "event")
    @OrderBy("id")
    private List<Talk> talks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "event_tag", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "tag")
    private Set<String> tags = new HashSet<>();

    protected Event() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Venue getVenue() {
        return venue;
    }

    public Person getOrganizer() {
        return organizer;
    }

    public List<Attendee> getAttendees() {
        return attendees;
    }

    public List<Talk> getTalks() {
        return talks;
    }

    public Set<String> getTags() {
        return tags;
    }
}

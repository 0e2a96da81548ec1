package dev.nplusone.it.apps.eclipselink;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.List;

/** Its to-many associations are lazy by default: EclipseLink's indirect lists, loaded on first use. */
@Entity
@JsonPropertyOrder({"id", "name", "attendees", "speakers", "talks"})
public class Event {

    @Id
    private Long id;

    private String name;

    @OneToMany(mappedBy = "event")
    @OrderBy("id")
    private List<Attendee> attendees = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "event_speaker", joinColumns = @JoinColumn(name = "event_id"), inverseJoinColumns = @JoinColumn(name = "speaker_id"))
    @OrderBy("id")
    private List<Speaker> speakers = new ArrayList<>();

    /** Unidirectional over a join table: inside EclipseLink a many-to-many mapping, defined as a one-to-many. */
    @OneToMany
    @JoinTable(name = "event_talk", joinColumns = @JoinColumn(name = "event_id"), inverseJoinColumns = @JoinColumn(name = "talk_id"))
    @OrderBy("id")
    private List<Talk> talks = new ArrayList<>();

    protected Event() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Attendee> getAttendees() {
        return attendees;
    }

    public List<Speaker> getSpeakers() {
        return speakers;
    }

    public List<Talk> getTalks() {
        return talks;
    }
}

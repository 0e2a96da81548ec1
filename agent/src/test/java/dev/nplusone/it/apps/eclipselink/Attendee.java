package dev.nplusone.it.apps.eclipselink;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Its lazy to-ones are lazy only once EclipseLink has woven the class: without weaving, EclipseLink loads them eagerly. */
@Entity
@JsonPropertyOrder({"id", "name", "organization"})
public class Attendee {

    @Id
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private Event event;

    @ManyToOne(fetch = FetchType.LAZY)
    private Organization organization;

    protected Attendee() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @JsonIgnore
    public Event getEvent() {
        return event;
    }

    public Organization getOrganization() {
        return organization; // the woven read of the lazy organization
    }
}

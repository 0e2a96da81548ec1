package dev.nplusone.it.apps.orm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
@JsonPropertyOrder({"id", "title", "speaker"})
public class Talk {

    @Id
    private Long id;

    private String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    private Event event;

    @ManyToOne(fetch = FetchType.LAZY)
    private Person speaker;

    protected Talk() {
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Event getEvent() {
        return event;
    }

    public Person getSpeaker() {
        return speaker;
    }
}

package org.springframework.samples.library.events;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Attendee {

    // IDENTITY: Hibernate inserts at persist time, one statement per entity, to learn the key.
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Talk talk;

    private String name;

    protected Attendee() {
    }

    public Attendee(Talk talk, String name) {
        this.talk = talk;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Talk getTalk() {
        return talk;
    }

    public String getName() {
        return name;
    }
}

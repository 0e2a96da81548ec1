package org.springframework.samples.library.events;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A talk given at the library, which readers sign up for. */
@Entity
public class Talk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    protected Talk() {
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}

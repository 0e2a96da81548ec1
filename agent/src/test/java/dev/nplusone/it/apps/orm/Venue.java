package dev.nplusone.it.apps.orm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Reached through lazy to-one proxies: Jackson must not write the proxy's own handler. */
@Entity
@JsonIgnoreProperties({"hibernateLazyInitializer", "handler"})
@JsonPropertyOrder({"id", "name"})
public class Venue {

    @Id
    private Long id;

    private String name;

    protected Venue() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

package dev.nplusone.it.apps.javaxorm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import javax.persistence.Entity;
import javax.persistence.Id;

@Entity
@JsonIgnoreProperties({"hibernateLazyInitializer", "handler"})
@JsonPropertyOrder({"id", "name"})
public class Artist {

    @Id
    private Long id;

    private String name;

    protected Artist() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

package dev.nplusone.it.apps.eclipselink;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@JsonPropertyOrder({"id", "name"})
public class Organization {

    @Id
    private Long id;

    private String name;

    protected Organization() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

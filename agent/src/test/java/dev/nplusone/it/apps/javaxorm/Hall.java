package dev.nplusone.it.apps.javaxorm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import javax.persistence.Entity;
import javax.persistence.Id;

@Entity
@JsonIgnoreProperties({"hibernateLazyInitializer", "handler"})
@JsonPropertyOrder({"id", "name"})
public class Hall {

    @Id
    private Long id;

    private String name;

    protected Hall() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

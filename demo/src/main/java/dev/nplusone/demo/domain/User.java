package dev.nplusone.demo.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who creates events. */
@Entity
@Table(name = "app_user") // USER is a reserved word in SQL
public class User {

    @Id
    private Long id;

    private String name;

    protected User() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

package org.springframework.samples.library.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A row of the language lookup table: code and display name. */
@Entity
public class Language {

    @Id
    private String code;

    private String name;

    protected Language() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}

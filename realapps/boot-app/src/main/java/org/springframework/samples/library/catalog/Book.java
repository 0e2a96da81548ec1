package org.springframework.samples.library.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    // Lazy: a to-one is eager by default in JPA, which would add a select per book to every list.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Author author;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Shelf shelf;

    /** The edition's language, a code of the language lookup table (shown by its name, see LanguageFormatter). */
    @Column(name = "language_code")
    private LanguageCode language;

    protected Book() {
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Author getAuthor() {
        return author;
    }

    public Shelf getShelf() {
        return shelf;
    }

    public LanguageCode getLanguage() {
        return language;
    }
}

package com.example.library;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tests, declared once; each subclass runs them against a library of its own size. */
abstract class AbstractLibraryTests {

    private Connection connection;

    /** How many authors the library holds. */
    abstract int authors();

    @BeforeEach
    void createDatabase() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:" + getClass().getSimpleName());
        Schema.create(connection, authors());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        connection.close();
    }

    @Test
    void listsTheTitlesOfEachAuthor() throws Exception {
        var titles = new Library(connection).titlesByAuthor();

        assertEquals(authors(), titles.size());
    }

    @Test
    void readsOneBookTwice() throws Exception {
        Library library = new Library(connection);

        assertEquals(library.title(11), library.title(11));
    }
}

package com.example.library;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LibraryTest {

    private Connection connection;

    @BeforeEach
    void createDatabase() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:library");
        Schema.create(connection, 2);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        connection.close();
    }

    @Test
    void addsFourBooks() throws Exception {
        new Library(connection).addBooks(1, List.of("A", "B", "C", "D"), 100);

        assertEquals(6, new Library(connection).titlesByAuthor().get("Author 1").size());
    }

    @Test
    void readsOneBookTwice() throws Exception {
        Library library = new Library(connection);

        assertEquals("Book 11", library.title(11));
        assertEquals("Book 11", library.title(11));
    }
}

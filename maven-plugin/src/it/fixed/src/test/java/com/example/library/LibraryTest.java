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
        Schema.create(connection);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        connection.close();
    }

    @Test
    void listsTitlesAndStars() throws Exception {
        Library library = new Library(connection);

        var titles = library.titlesByAuthor();
        var stars = library.starsByBook();

        assertEquals(List.of("Book 31", "Book 32"), titles.get("Author 3"));
        assertEquals(9, stars.get("Book 42"));
    }
}

package com.example.library;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TitlesTest {

    private Connection connection;

    @BeforeEach
    void createDatabase() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:titles");
        Schema.create(connection);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        connection.close();
    }

    @Test
    void listsTheTitlesOfEachAuthor() throws Exception {
        var titles = new Library(connection).titlesByAuthor();

        assertEquals(5, titles.size());
        assertEquals(List.of("Book 31", "Book 32"), titles.get("Author 3"));
    }
}

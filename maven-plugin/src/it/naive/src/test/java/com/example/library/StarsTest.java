package com.example.library;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StarsTest {

    private Connection connection;

    @BeforeEach
    void createDatabase() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:stars");
        Schema.create(connection);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        connection.close();
    }

    @Test
    void sumsTheStarsOfEachBook() throws Exception {
        var stars = new Library(connection).starsByBook();

        assertEquals(10, stars.size());
        assertEquals(9, stars.get("Book 42"));
    }
}

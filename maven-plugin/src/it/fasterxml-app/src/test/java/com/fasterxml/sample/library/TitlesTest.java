package com.fasterxml.sample.library;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TitlesTest {

    private Connection connection;

    @BeforeEach
    void createDatabase() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:titles");
        Schema.create(connection, 4);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        connection.close();
    }

    @Test
    void listsTheTitlesOfEachAuthor() throws Exception {
        assertEquals(4, new Library(connection).titlesByAuthor().size());
    }
}

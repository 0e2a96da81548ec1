package com.example.library;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TitlesTest {

    private HikariDataSource pool;

    @BeforeEach
    void createDatabase() throws Exception {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:titles;DB_CLOSE_DELAY=-1");
        try (Connection connection = pool.getConnection()) {
            Schema.create(connection, 4);
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void listsTheTitlesOfEachAuthor() throws Exception {
        assertEquals(4, new Library(pool).titlesByAuthor().size());
    }
}

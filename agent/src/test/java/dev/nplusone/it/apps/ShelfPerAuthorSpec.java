package dev.nplusone.it.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A parameterized class (JUnit 5.13+): its tests run once per argument, each run numbered in the class's part of the name. */
@ParameterizedClass
@ValueSource(ints = {1, 2})
public class ShelfPerAuthorSpec {

    private final int author;

    public ShelfPerAuthorSpec(int author) {
        this.author = author;
    }

    @Test
    void loadsTheAuthor() throws SQLException {
        try (Connection c = DriverManager.getConnection(BookShelfSpec.URL);
             PreparedStatement ps = c.prepareStatement("SELECT id FROM author WHERE id = ?")) {
            ps.setInt(1, author);
            ps.executeQuery().close();
        }
    }
}

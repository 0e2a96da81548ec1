package dev.nplusone.it.apps;

import dev.nplusone.api.NPlusOne;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One manual scope that runs like a batch job: an N+1 first, then {@link #GENERATED} statements of
 * generated SQL ({@link #SHAPES} shapes, new values each time), for {@code LongScopeIT}.
 */
public final class LongScopeApp {

    public static final String SCOPE = "nightly import";
    public static final int AUTHORS = 5;
    public static final int GENERATED = 20_000;
    public static final int SHAPES = 1_999; // with the N+1's, the 2,000 shapes a scope groups

    private LongScopeApp() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:long-scope;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE book(id INT PRIMARY KEY, author_id INT, title VARCHAR(40))");
                s.execute("INSERT INTO book SELECT x, x % " + AUTHORS + ", 'Book ' || x FROM SYSTEM_RANGE(1, 50)");
            }
            NPlusOne.Scope scope = NPlusOne.scope(SCOPE);
            for (int author = 0; author < AUTHORS; author++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM book WHERE author_id = ?")) {
                    ps.setInt(1, author);
                    ps.executeQuery().close(); // N+1: the titles of each author
                }
            }
            for (int i = 0; i < GENERATED; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id AS c" + (i % SHAPES) + " FROM book WHERE id = ?")) {
                    ps.setInt(1, i % SHAPES % 50 + 1); // each shape with one value: no N+1 among them
                    ps.executeQuery().close();
                }
            }
            scope.close();
            System.out.println("statements in the scope: " + scope.result().statements());
        }
    }
}

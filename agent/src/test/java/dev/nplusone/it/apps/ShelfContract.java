package dev.nplusone.it.apps;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests declared once and run by each subclass against its own shelf, as a suite runs one set of
 * tests per persistence technology: each subclass's run must be a scope of its own, named after it.
 */
public abstract class ShelfContract {

    static final String URL = "jdbc:h2:mem:shelves;DB_CLOSE_DELAY=-1";
    public static final int WRITERS = 6;

    static {
        try (Connection c = DriverManager.getConnection(URL)) {
            c.createStatement().execute("CREATE TABLE writer(id INT PRIMARY KEY)");
            c.createStatement().execute("CREATE TABLE volume(id INT PRIMARY KEY, writer_id INT, title VARCHAR(40))");
            for (int w = 1; w <= WRITERS; w++) {
                c.createStatement().execute("INSERT INTO writer VALUES (" + w + ")");
                c.createStatement().execute("INSERT INTO volume VALUES (" + w + ", " + w + ", 'Volume " + w + "')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many writers this shelf holds: the N+1 below runs one query for each. */
    protected abstract int writers();

    @Test
    void loadsEachWritersVolumes() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            List<Integer> ids = new ArrayList<>();
            try (PreparedStatement writers = c.prepareStatement("SELECT id FROM writer ORDER BY id LIMIT ?")) {
                writers.setInt(1, writers());
                try (ResultSet rs = writers.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
            }
            for (int id : ids) {
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM volume WHERE writer_id = ?")) {
                    ps.setInt(1, id);
                    ps.executeQuery().close(); // N+1: volumes of each writer, declared once
                }
            }
        }
    }

    /** A shelf of three writers; it also runs the checks its interface declares. */
    public static class SmallShelfSpec extends ShelfContract implements ShelfChecks {
        @Override
        protected int writers() {
            return 3;
        }
    }

    /** A shelf of five writers. */
    public static class LargeShelfSpec extends ShelfContract {
        @Override
        protected int writers() {
            return 5;
        }
    }

    /** Tests declared as default methods of an interface, which JUnit Jupiter runs in each implementing class. */
    public interface ShelfChecks {
        @Test
        default void countsVolumes() throws SQLException {
            try (Connection c = DriverManager.getConnection(URL)) {
                c.createStatement().executeQuery("SELECT count(*) FROM volume").close();
            }
        }
    }
}

package dev.nplusone.it.apps;

import org.junit.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A JUnit 4 test inherited from an abstract class, run by {@link TestRunnerApp} with JUnit 4's own
 * runner: no JUnit Platform names the invocation, the test instance alone says which class ran it.
 */
public class Junit4ShelfSpec extends Junit4ShelfContract {
}

/** The declaring class. */
abstract class Junit4ShelfContract {

    @Test
    public void loadsEachWritersVolumesOnJunit4() throws SQLException {
        try (Connection c = DriverManager.getConnection(ShelfContract.URL)) {
            for (int id = 1; id <= ShelfContract.WRITERS; id++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM volume WHERE writer_id = ?")) {
                    ps.setInt(1, id);
                    ps.executeQuery().close(); // N+1: volumes of each writer, on JUnit 4
                }
            }
        }
    }
}

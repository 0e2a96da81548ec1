package dev.nplusone.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where a statement comes from decides whether its repetitions are an N+1. Each case below runs
 * in a manual scope of its own, named after it, with the same statement shape; the tests expect
 * exactly the findings the detection rules call for.
 */
public final class CallSitesApp {

    private static final String SQL = "SELECT name FROM item WHERE id = ?";

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sites;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20))");
                s.execute("INSERT INTO item SELECT x, 'item ' || x FROM SYSTEM_RANGE(1, 20)");
            }

            try (ManualScope scope = ManualScope.open("three-sites-once-each"); PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
                ps.setInt(1, 2);
                ps.executeQuery().close();
                ps.setInt(1, 3);
                ps.executeQuery().close();
            }

            try (ManualScope scope = ManualScope.open("once-then-twice"); PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setInt(1, 1);
                ps.executeQuery().close(); // once from here
                for (int id = 2; id <= 3; id++) {
                    ps.setInt(1, id);
                    ps.executeQuery().close(); // twice from here: below the threshold
                }
            }

            try (ManualScope scope = ManualScope.open("loop-of-three"); PreparedStatement ps = c.prepareStatement(SQL)) {
                for (int id = 1; id <= 3; id++) {
                    ps.setInt(1, id);
                    ps.executeQuery().close(); // N+1: a loop of three, exactly the threshold
                }
            }

            try (ManualScope scope = ManualScope.open("two-loops"); PreparedStatement ps = c.prepareStatement(SQL)) {
                for (int id = 1; id <= 10; id++) {
                    ps.setInt(1, id);
                    ps.executeQuery().close(); // N+1: first loop, ten times
                }
                for (int id = 11; id <= 15; id++) {
                    ps.setInt(1, id);
                    ps.executeQuery().close(); // N+1: second loop, five times
                }
            }

            try (ManualScope scope = ManualScope.open("helper-from-two-callers")) {
                threeById(c, 1); // first caller of the helper
                threeById(c, 4); // second caller of the helper
            }

            try (ManualScope scope = ManualScope.open("same-offset-in-two-methods")) {
                List<IdReader> readers = List.of(CallSitesApp::readFromFirst, CallSitesApp::readFromSecond);
                int id = 0;
                for (IdReader reader : readers) {
                    for (int i = 0; i < 3; i++) {
                        reader.read(c, ++id); // both methods called from this one place
                    }
                }
            }
        }
        System.out.println("done");
    }

    interface IdReader {
        void read(Connection c, int id) throws SQLException;
    }

    // Two methods that call the helper at the same bytecode index: only their names tell them apart.
    static void readFromFirst(Connection c, int id) throws SQLException {
        oneById(c, id);
    }

    static void readFromSecond(Connection c, int id) throws SQLException {
        oneById(c, id);
    }

    static void oneById(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setInt(1, id);
            ps.executeQuery().close(); // N+1: one by id, three times from each of two methods
        }
    }

    /** A loop inside a helper: its two callers make two call sites that share one location. */
    static void threeById(Connection c, int from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            for (int id = from; id < from + 3; id++) {
                ps.setInt(1, id);
                ps.executeQuery().close(); // N+1: loop in the helper
            }
        }
    }
}

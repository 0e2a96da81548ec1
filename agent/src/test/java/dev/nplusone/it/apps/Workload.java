package dev.nplusone.it.apps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC work shared by the applications that test connections: one N+1, one duplicate, and
 * the look-alikes that must not be reported. The SQL is written in mixed case on purpose: the
 * report shows it normalized.
 *
 * <p>Tests find the lines below by their {@code // ...} markers; keep each marker unique.
 */
public final class Workload {

    public static final int PARENTS = 5;
    /** Statements of {@link #run}: parents 1, children 5, call sites 3, batch 1, count 1, below threshold 2, duplicate 4. */
    public static final int STATEMENTS = 1 + PARENTS + 3 + 1 + 1 + 2 + 4;
    public static final String[] SETUP = {
        "CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, name VARCHAR(40))",
        "CREATE TABLE audit (parent_id INT, note VARCHAR(40))",
        "INSERT INTO parent VALUES (1, 'p1'), (2, 'p2'), (3, 'p3'), (4, 'p4'), (5, 'p5')",
        "INSERT INTO child VALUES (11, 1, 'c11'), (12, 1, 'c12'), (21, 2, 'c21'), (31, 3, 'c31'), (41, 4, 'c41'), (51, 5, 'c51')",
    };

    private Workload() {
    }

    public static void setUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SETUP) {
                s.execute(sql);
            }
        }
    }

    /** Runs {@link #STATEMENTS} statements. */
    public static void run(Connection c) throws SQLException {
        List<Integer> parents = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM parent ORDER BY id")) {
            while (rs.next()) {
                parents.add(rs.getInt(1));
            }
        }
        childrenOfEach(c, parents); // calls the N+1 loop
        namesFromThreeCallSites(c);
        auditInOneBatch(c, parents);
        countChildren(c);
        belowThreshold(c);
        sameCountFourTimes(c);
    }

    /** The N+1: one query per parent, from one call site, with a different parameter each time. */
    static int childrenOfEach(Connection c, List<Integer> parents) throws SQLException {
        int children = 0;
        for (int parent : parents) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM child WHERE parent_id = ?")) {
                ps.setInt(1, parent);
                try (ResultSet rs = ps.executeQuery()) { // N+1: children of each parent
                    while (rs.next()) {
                        children++;
                    }
                }
            }
        }
        return children;
    }

    /** Not an N+1: one shape three times, but from three call sites. */
    static void namesFromThreeCallSites(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM parent WHERE id = ?")) {
            ps.setInt(1, 1);
            ps.executeQuery().close();
            ps.setInt(1, 2);
            ps.executeQuery().close();
            ps.setInt(1, 3);
            ps.executeQuery().close();
        }
    }

    /** Not an N+1: a batch of five rows is one execution. */
    static void auditInOneBatch(Connection c, List<Integer> parents) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (parent_id, note) VALUES (?, ?)")) {
            for (int parent : parents) {
                ps.setInt(1, parent);
                ps.setString(2, "checked");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Not an N+1: a single query. */
    static void countChildren(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM child")) {
            rs.next();
        }
    }

    /** Not an N+1 at the default threshold of 3: two repetitions. */
    static void belowThreshold(Connection c) throws SQLException {
        for (int id : new int[] {11, 12}) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM child WHERE id = ?")) {
                ps.setInt(1, id);
                ps.executeQuery().close(); // below threshold: two children by id
            }
        }
    }

    /** A duplicate, not an N+1: the same statement with the same parameter, four times. */
    static void sameCountFourTimes(Connection c) throws SQLException {
        for (int i = 0; i < 4; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM child WHERE parent_id = ?")) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) { // duplicate: same parameter four times
                    rs.next();
                }
            }
        }
    }
}

package dev.nplusone.it.apps.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The in-memory H2 database of a job or listener application, a connection per unit of work. */
public final class Db {

    private final String url;

    public Db(String name) {
        this.url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs the statements outside any scope, before the work starts. */
    public void setUp(String... sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    /** The first column of every row of a query with one int parameter. */
    public static List<Integer> ints(Connection c, String sql, int parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                List<Integer> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getInt(1));
                }
                return values;
            }
        }
    }
}

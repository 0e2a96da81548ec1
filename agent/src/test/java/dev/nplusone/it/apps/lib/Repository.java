package dev.nplusone.it.apps.lib;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A data-access helper outside the application's own package (as a shared library would be), for
 * {@code PackagesOptionIT}: the N+1 loop runs here, whoever calls it.
 */
public final class Repository {

    private Repository() {
    }

    public static List<Integer> authors(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM author ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    /** One query per author. */
    public static int booksOf(Connection c, List<Integer> authors) throws SQLException {
        int books = 0;
        for (int author : authors) {
            try (PreparedStatement ps = c.prepareStatement("SELECT title FROM book WHERE author_id = ?")) {
                ps.setInt(1, author);
                try (ResultSet rs = ps.executeQuery()) { // N+1: books of each author
                    while (rs.next()) {
                        books++;
                    }
                }
            }
        }
        return books;
    }
}

package dev.nplusone.samples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on an in-memory H2 database, for the sample test classes: statements of different
 * shapes, an N+1 and a duplicate. Tests find the lines below by their {@code // ...} markers.
 */
public final class Library {

    public static final int AUTHORS = 4;
    private static final String URL = "jdbc:h2:mem:library;DB_CLOSE_DELAY=-1";
    /** Five statements of five shapes: neither an N+1 nor a duplicate, however many run. */
    private static final String[] DIFFERENT = {
        "SELECT COUNT(*) FROM author", "SELECT COUNT(*) FROM book", "SELECT MAX(id) FROM author", "SELECT MAX(id) FROM book",
        "SELECT MIN(title) FROM book",
    };

    private Library() {
    }

    public static synchronized void create() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS author(id INT PRIMARY KEY)");
            s.execute("CREATE TABLE IF NOT EXISTS book(id INT PRIMARY KEY, author_id INT, title VARCHAR(40))");
            s.execute("CREATE TABLE IF NOT EXISTS review(book_id INT, stars INT)");
            for (int a = 1; a <= AUTHORS; a++) {
                s.execute("MERGE INTO author VALUES (" + a + ")");
                s.execute("MERGE INTO book VALUES (" + a + ", " + a + ", 'Book " + a + "')");
            }
        }
    }

    /** Runs {@code n} (at most five) statements, each of another shape. */
    public static void differentQueries(int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                s.executeQuery(DIFFERENT[i]).close();
            }
        }
    }

    /** The authors, then the titles of each author one query at a time: 1 + {@link #AUTHORS} statements. */
    public static void titlesOfEachAuthor() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            for (int author : authors(c)) {
                titles(c, author); // for each author
            }
        }
    }

    /** The same statement with the same parameter, twice. */
    public static void sameBookTwice() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            for (int i = 0; i < 2; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM book WHERE id = ?")) {
                    ps.setInt(1, 1);
                    ps.executeQuery().close(); // duplicate: the same book twice
                }
            }
        }
    }

    /** One review of each author's book, inserted one at a time: batchable writes. */
    public static void reviewEachBook() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            for (int author : authors(c)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO review(book_id, stars) VALUES (?, ?)")) {
                    ps.setInt(1, author);
                    ps.setInt(2, 5);
                    ps.executeUpdate(); // batchable: one insert per book
                }
            }
        }
    }

    private static void titles(Connection c, int author) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT title FROM book WHERE author_id = ?")) {
            ps.setInt(1, author);
            ps.executeQuery().close(); // N+1: titles of each author
        }
    }

    private static List<Integer> authors(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM author ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}

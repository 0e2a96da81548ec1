package dev.nplusone.it.apps;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * A JUnit 5 test class run by {@link TestRunnerApp} in a child JVM (its name keeps the build's own
 * test runners away from it). Each test invocation should become a scope of kind {@code test}: plain,
 * parameterized, repeated, dynamic and nested tests.
 */
public class BookShelfSpec {

    static final String URL = "jdbc:h2:mem:shelf;DB_CLOSE_DELAY=-1";
    public static final int AUTHORS = 4;

    static {
        try (Connection c = DriverManager.getConnection(URL)) {
            c.createStatement().execute("CREATE TABLE author(id INT PRIMARY KEY)");
            c.createStatement().execute("CREATE TABLE book(id INT PRIMARY KEY, author_id INT, title VARCHAR(40))");
            for (int a = 1; a <= AUTHORS; a++) {
                c.createStatement().execute("INSERT INTO author VALUES (" + a + ")");
                c.createStatement().execute("INSERT INTO book VALUES (" + a + ", " + a + ", 'Book " + a + "')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsBooksOneAuthorAtATime() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            for (int author : authors(c)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM book WHERE author_id = ?")) {
                    ps.setInt(1, author);
                    ps.executeQuery().close(); // N+1: books of each author, in a test
                }
            }
        }
    }

    @Test
    void loadsAllBooksAtOnce() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            c.createStatement().executeQuery("SELECT title FROM book").close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void loadsOneAuthor(int id) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL);
             PreparedStatement ps = c.prepareStatement("SELECT id FROM author WHERE id = ?")) {
            ps.setInt(1, id);
            ps.executeQuery().close();
        }
    }

    @RepeatedTest(2)
    void rereadsTheShelf() throws SQLException {
        loadsAllBooksAtOnce();
    }

    /** Runs after the method returns: each dynamic test is a scope of its own, numbered as JUnit numbers it. */
    @TestFactory
    Stream<DynamicNode> shelves() {
        return Stream.of(
                dynamicTest("all books", this::loadsAllBooksAtOnce),
                dynamicContainer("by author", Stream.of(
                        dynamicTest("first author", () -> loadsOneAuthor(1)),
                        dynamicTest("each author", BookShelfSpec::booksOfEachAuthor))));
    }

    private static void booksOfEachAuthor() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            for (int author : authors(c)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM book WHERE author_id = ?")) {
                    ps.setInt(1, author);
                    ps.executeQuery().close(); // N+1: books of each author, in a dynamic test
                }
            }
        }
    }

    @Nested
    class WhenEmpty {
        @Test
        void findsNoBooks() throws SQLException {
            try (Connection c = DriverManager.getConnection(URL)) {
                c.createStatement().executeQuery("SELECT title FROM book WHERE author_id IS NULL").close();
            }
        }
    }

    private static List<Integer> authors(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM author ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}

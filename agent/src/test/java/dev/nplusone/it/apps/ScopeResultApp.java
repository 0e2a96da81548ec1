package dev.nplusone.it.apps;

import dev.nplusone.api.Finding;
import dev.nplusone.api.NPlusOne;
import dev.nplusone.api.ScopeResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link NPlusOne.Scope#result()} after each scope closes and prints it, one line per result
 * and per finding ({@code label: ...}, {@code label finding: ...}), for {@code ScopeResultIT}:
 * an outermost manual scope with an N+1 and a duplicate in a scope nested in it, then test scopes
 * opened around a {@code @Test} method that the agent's own advice also watches.
 */
public final class ScopeResultApp {

    public static final String OUTER = "shelf audit";
    public static final String INNER = "count books";
    public static final String TEST = ScopeResultApp.class.getName() + "#readsOneBook";
    public static final int AUTHORS = 4;

    private static final String URL = "jdbc:h2:mem:scope-results;DB_CLOSE_DELAY=-1";

    private ScopeResultApp() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL)) {
            setUp(c);

            NPlusOne.Scope outer = NPlusOne.scope(OUTER);
            NPlusOne.Scope inner = NPlusOne.scope(INNER);
            countBooks(c);
            countBooks(c); // the second count
            inner.close();
            for (int author : authors(c)) {
                titles(c, author); // for each author
            }
            outer.close();
            print("outer", outer.result());
            print("inner", inner.result());

            NPlusOne.Scope test = NPlusOne.testScope(TEST);
            NPlusOne.Scope sameName = NPlusOne.testScope(TEST);
            sameName.close();
            NPlusOne.Scope manual = NPlusOne.scope(TEST);
            manual.close();
            new ScopeResultApp().readsOneBook(c); // the advice's own test scope would be a third
            test.close();
            print("test", test.result());
            print("same name", sameName.result());
            print("manual", manual.result());

            new ScopeResultApp().readsOneBook(c); // alone, the advice opens its scope
        }
    }

    @Test
    void readsOneBook(Connection c) throws SQLException {
        titles(c, 1);
    }

    private static void print(String label, ScopeResult r) {
        System.out.println(label + ": " + r);
        for (Finding f : r.findings()) {
            System.out.println(label + " finding: " + String.join(" | ", f.type().json(), String.join(" > ", f.path()), f.shape(),
                    Integer.toString(f.repetitions()), f.location(), String.join(" < ", f.stack()), String.valueOf(f.trigger()),
                    String.valueOf(f.parameters())));
        }
    }

    private static void setUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE author(id INT PRIMARY KEY)");
            s.execute("CREATE TABLE book(id INT PRIMARY KEY, author_id INT, title VARCHAR(40))");
            for (int a = 1; a <= AUTHORS; a++) {
                s.execute("INSERT INTO author VALUES (" + a + ")");
                s.execute("INSERT INTO book VALUES (" + a + ", " + a + ", 'Book " + a + "')");
            }
        }
    }

    private static void countBooks(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM book").close(); // duplicate: the same count twice
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

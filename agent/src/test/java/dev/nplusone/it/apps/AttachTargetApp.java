package dev.nplusone.it.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A long-running service started without the agent, for {@code java -jar nplusone-agent.jar attach}:
 * a JDK HTTP server on 127.0.0.1 over a HikariCP pool of an in-memory H2 database. It prints
 * {@code port <n>} and {@code ready}, serves until {@code GET /stop}, then prints {@code stopped}
 * and ends normally.
 *
 * <ul>
 *   <li>{@code GET /events}: the {@link #EVENTS} events, then the talks of each, one query per
 *       event (N+1), on a connection borrowed from the pool for the request.
 *   <li>{@code GET /events/<id>}: one event and its talks: two statements.
 *   <li>{@code GET /legacy}: the same N+1 on one connection borrowed at start and never given
 *       back: after an attach it is not wrapped, so its statements are not seen.
 *   <li>{@code GET /stop}: ends the application.
 * </ul>
 *
 * <p>A failing request answers 500 and prints its stack trace, for the test to see.
 */
public final class AttachTargetApp {

    public static final int EVENTS = 10;
    public static final int TALKS_PER_EVENT = 2;
    public static final int HANDLERS = 4;

    private static final String URL = "jdbc:h2:mem:attach-target;DB_CLOSE_DELAY=-1";

    interface Handler {
        String answer() throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(HANDLERS + 1); // one more for the connection kept by /legacy
        CountDownLatch stop = new CountDownLatch(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            setUp(pool);
            try (Connection kept = pool.getConnection()) {
                ExecutorService handlers = Executors.newFixedThreadPool(HANDLERS);
                HttpServer server = Http.loopbackServer(handlers);
                server.createContext("/events", exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    answer(exchange, () -> {
                        try (Connection c = pool.getConnection()) {
                            return path.equals("/events") ? talksOfEachEvent(c) : event(c, Integer.parseInt(path.substring("/events/".length())));
                        }
                    });
                });
                server.createContext("/legacy", exchange -> answer(exchange, () -> {
                    synchronized (kept) {
                        return talksOfEachEvent(kept);
                    }
                }));
                server.createContext("/stop", exchange -> {
                    Http.respond(exchange, 200, "stopping");
                    stop.countDown();
                });
                server.start();
                System.out.println("port " + server.getAddress().getPort());
                System.out.println("ready");
                System.out.flush();

                stop.await();
                Http.stop(server, handlers);
            }
        }
        System.out.println("stopped");
    }

    private static void setUp(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE event (id INT PRIMARY KEY, name VARCHAR(40))");
            s.execute("CREATE TABLE talk (id INT PRIMARY KEY, event_id INT, title VARCHAR(40))");
            s.execute("INSERT INTO event SELECT x, 'event ' || x FROM SYSTEM_RANGE(1, " + EVENTS + ")");
            s.execute("INSERT INTO talk SELECT x, 1 + MOD(x, " + EVENTS + "), 'talk ' || x FROM SYSTEM_RANGE(1, " + EVENTS * TALKS_PER_EVENT + ")");
        }
    }

    /** The events, then the talks of each event: one statement per event. */
    static String talksOfEachEvent(Connection c) throws SQLException {
        List<Integer> events = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM event ORDER BY id")) {
            while (rs.next()) {
                events.add(rs.getInt("id"));
            }
        }
        StringBuilder body = new StringBuilder();
        for (int event : events) {
            try (PreparedStatement ps = c.prepareStatement("SELECT title FROM talk WHERE event_id = ? ORDER BY id")) {
                ps.setInt(1, event);
                try (ResultSet rs = ps.executeQuery()) { // N+1 here
                    while (rs.next()) {
                        body.append(event).append(": ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return body.toString();
    }

    static String event(Connection c, int id) throws SQLException {
        StringBuilder body = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM event WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    body.append(rs.getString(1)).append('\n');
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT title FROM talk WHERE event_id = ? ORDER BY id")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    body.append(rs.getString(1)).append('\n');
                }
            }
        }
        return body.toString();
    }

    private static void answer(HttpExchange exchange, Handler handler) throws IOException {
        String body;
        try {
            body = handler.answer();
        } catch (SQLException | RuntimeException e) {
            e.printStackTrace();
            Http.respond(exchange, 500, e.toString());
            return;
        }
        Http.respond(exchange, 200, body);
    }
}

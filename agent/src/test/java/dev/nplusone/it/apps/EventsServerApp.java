package dev.nplusone.it.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK {@code com.sun.net.httpserver} application on DriverManager connections; it sends itself
 * {@link #REQUESTS} and exits.
 *
 * <ul>
 *   <li>{@code GET /events}: the events, then the ticket count of each, in the handler lambda (N+1).
 *   <li>{@code GET /events/42}: one event, its tickets, then the attendee of each ticket (N+1).
 *   <li>{@code GET /health}: one statement.
 * </ul>
 */
public final class EventsServerApp {

    /** Event 42 has 3 tickets, 43 has 4, 44 none; each ticket one attendee. */
    public static final String[] SETUP = {
        "CREATE TABLE event (id INT PRIMARY KEY, title VARCHAR(40))",
        "CREATE TABLE ticket (id INT PRIMARY KEY, event_id INT)",
        "CREATE TABLE attendee (ticket_id INT, name VARCHAR(40))",
        "INSERT INTO event VALUES (42, 'jfokus'), (43, 'devoxx'), (44, 'javazone')",
        "INSERT INTO ticket VALUES (1, 42), (2, 42), (3, 42), (4, 43), (5, 43), (6, 43), (7, 43)",
        "INSERT INTO attendee VALUES (1, 'ann'), (2, 'bob'), (3, 'cy'), (4, 'dee'), (5, 'eve'), (6, 'fay'), (7, 'gus')",
    };
    public static final List<String> REQUESTS = List.of("/events", "/events", "/events", "/events", "/events/42", "/events/43", "/health");

    private static final String URL = "jdbc:h2:mem:events;DB_CLOSE_DELAY=-1";

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            for (String sql : SETUP) {
                s.execute(sql);
            }
        }

        // One handler thread: each request's scope closes before the next request is handled, so the
        // log's order (first block, then "again" lines) follows the order of the requests.
        ExecutorService handlers = Executors.newSingleThreadExecutor();
        HttpServer server = Http.loopbackServer(handlers);
        server.createContext("/events", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (Connection c = DriverManager.getConnection(URL)) {
                if (!path.equals("/events")) {
                    Http.respond(exchange, 200, attendees(c, Integer.parseInt(path.substring("/events/".length())))); // calls attendees
                    return;
                }
                StringBuilder body = new StringBuilder();
                try (Statement s = c.createStatement(); ResultSet events = s.executeQuery("SELECT id, title FROM event ORDER BY id")) {
                    while (events.next()) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket WHERE event_id = ?")) {
                            ps.setInt(1, events.getInt("id"));
                            try (ResultSet count = ps.executeQuery()) { // N+1: ticket count per event, in the lambda
                                count.next();
                                body.append(events.getString("title")).append(": ").append(count.getInt(1)).append('\n');
                            }
                        }
                    }
                }
                Http.respond(exchange, 200, body.toString());
            } catch (SQLException e) {
                Http.respond(exchange, 500, e.toString());
            }
        });
        server.createContext("/health", EventsServerApp::health);
        server.start();

        try {
            HttpClient client = Http.client();
            URI base = Http.base(server);
            for (String path : REQUESTS) {
                Http.get(client, base.resolve(path));
            }
        } finally {
            Http.stop(server, handlers);
        }
        System.out.println("done: " + REQUESTS.size() + " requests");
    }

    /** One event, its tickets, and the attendee of each ticket, one query per ticket. */
    static String attendees(Connection c, int event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT title FROM event WHERE id = ?")) {
            ps.setInt(1, event);
            ps.executeQuery().close();
        }
        List<Integer> tickets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ticket WHERE event_id = ? ORDER BY id")) {
            ps.setInt(1, event);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tickets.add(rs.getInt(1));
                }
            }
        }
        StringBuilder body = new StringBuilder();
        for (int ticket : tickets) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM attendee WHERE ticket_id = ?")) {
                ps.setInt(1, ticket);
                try (ResultSet rs = ps.executeQuery()) { // N+1: attendee per ticket
                    while (rs.next()) {
                        body.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return body.toString();
    }

    static void health(HttpExchange exchange) throws IOException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1").close();
            Http.respond(exchange, 200, "ok");
        } catch (SQLException e) {
            Http.respond(exchange, 500, e.toString());
        }
    }
}

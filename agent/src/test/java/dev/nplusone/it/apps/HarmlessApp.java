package dev.nplusone.it.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.it.apps.orm.OrmApp;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An application that goes through every point the agent hooks: an embedded Tomcat (servlet
 * advice), Hibernate with lazy associations (ORM advice), Jackson 2 writing the entities (serialization
 * advice), plain JDBC with queries, updates, a batch and a failing statement (the statement listener),
 * and an N+1 (the rules, the log and the JSON report). It writes everything the application sees,
 * results, update counts, HTTP statuses and bodies, exceptions, to a transcript, so that a run with
 * the agent can be compared byte for byte with a run without it.
 *
 * <p>Arguments: a directory for Tomcat's files, the transcript file, and {@code orm} for Hibernate to
 * load the events (its start-up is slow, so the tests that need no ORM leave it out); without it,
 * plain JDBC loads them and Jackson writes what it loaded.
 */
public final class HarmlessApp {

    static final String URL = "jdbc:h2:mem:harmless;DB_CLOSE_DELAY=-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Without Hibernate: the tables and rows of {@link OrmApp#insertData} that the plain JDBC reads. */
    static final String[] SCHEMA = {
        "CREATE TABLE Event (id BIGINT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE Talk (id BIGINT PRIMARY KEY, title VARCHAR(40), event_id BIGINT, speaker_id BIGINT)",
        "CREATE TABLE Venue (id BIGINT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE Person (id BIGINT PRIMARY KEY, name VARCHAR(40))",
        "INSERT INTO Event VALUES (1, 'event 1'), (2, 'event 2'), (3, 'event 3')",
        "INSERT INTO Talk VALUES (11, 'talk 11', 1, 10), (12, 'talk 12', 1, 11), (21, 'talk 21', 2, 12), (31, 'talk 31', 3, 13)",
        "INSERT INTO Venue VALUES (1, 'venue 1'), (2, 'venue 2'), (3, 'venue 3')",
        "INSERT INTO Person VALUES (1, 'person 1'), (2, 'person 2'), (3, 'person 3')",
    };

    static SessionFactory factory;
    static JdbcDataSource db;

    public static void main(String[] args) throws Exception {
        Path baseDir = Files.createDirectories(Paths.get(args[0]).toAbsolutePath());
        List<String> transcript = new ArrayList<>();
        db = new JdbcDataSource();
        db.setURL(URL);
        db.setUser("sa");
        if (args.length > 2 && args[2].equals("orm")) {
            factory = OrmApp.sessionFactory(URL);
            OrmApp.insertData(factory);
        } else {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
            }
        }

        Tomcat tomcat = ServletApps.tomcat(baseDir);
        Context app = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(app, "events", new EventsServlet());
        app.addServletMappingDecoded("/events", "events");
        Tomcat.addServlet(app, "talks", new TalksServlet());
        app.addServletMappingDecoded("/talks", "talks");
        Tomcat.addServlet(app, "broken", new BrokenServlet());
        app.addServletMappingDecoded("/broken", "broken");
        tomcat.start();
        try {
            HttpClient client = Http.client();
            URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
            for (String request : new String[] {"GET /events", "GET /talks", "GET /events", "POST /talks", "GET /broken", "GET /nowhere"}) {
                String[] parts = request.split(" ");
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(parts[1]))
                        .method(parts[0], HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                String body = response.statusCode() >= 500 ? "(an error page)" : response.body();
                transcript.add(request + " -> " + response.statusCode() + " " + body);
            }
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }

        try (ManualScope scope = ManualScope.open("plain jdbc")) {
            transcript.addAll(plainJdbc());
        }
        transcript.addAll(plainJdbc()); // and outside any scope
        if (factory != null) {
            factory.close();
        }
        Files.write(Paths.get(args[1]), transcript, StandardCharsets.UTF_8);
        System.out.println("done");
    }

    /** Queries, an N+1, updates, a batch, a statement that fails: what each returned, or threw. */
    static List<String> plainJdbc() throws SQLException {
        List<String> seen = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            List<Long> events = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM Event ORDER BY id")) {
                while (rs.next()) {
                    events.add(rs.getLong(1));
                    seen.add("event " + rs.getLong(1) + " " + rs.getString(2));
                }
            }
            for (long event : events) {
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM Talk WHERE event_id = ? ORDER BY id")) {
                    ps.setLong(1, event);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen.add("  talk " + rs.getString(1));
                        }
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                seen.add("update count " + s.executeUpdate("UPDATE Venue SET name = name || '!' WHERE id <= 3"));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE Person SET name = ? WHERE id = ?")) {
                for (int id = 1; id <= 3; id++) {
                    ps.setString(1, "person " + id + "'");
                    ps.setInt(2, id);
                    ps.addBatch();
                }
                seen.add("batch " + java.util.Arrays.toString(ps.executeBatch()));
            }
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT no_such_column FROM Event");
                seen.add("no exception?");
            } catch (SQLException expected) {
                seen.add("exception " + expected.getSQLState() + " " + expected.getErrorCode());
            }
        }
        return seen;
    }

    /**
     * The events written by Jackson: with Hibernate, the entities with their lazy associations (an N+1
     * while Jackson writes); without, what plain JDBC loaded (an N+1 before Jackson writes).
     */
    public static final class EventsServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            String json;
            if (factory != null) {
                try (Session session = factory.openSession()) {
                    json = JSON.writeValueAsString(OrmApp.events(session));
                }
            } else {
                try {
                    json = JSON.writeValueAsString(plainJdbc());
                } catch (SQLException e) {
                    throw new ServletException(e);
                }
            }
            response.setContentType("application/json");
            response.getWriter().write(json);
        }
    }

    /** Talks through plain JDBC; a POST adds one. */
    public static final class TalksServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            try {
                response.getWriter().write(String.join("\n", plainTalks()));
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                int added = s.executeUpdate("INSERT INTO Talk (id, title, event_id, speaker_id) VALUES (99, 'late talk', 1, 10)");
                response.getWriter().write("added " + added);
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        }

        private static List<String> plainTalks() throws SQLException {
            List<String> titles = new ArrayList<>();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, title FROM Talk ORDER BY id")) {
                while (rs.next()) {
                    titles.add(rs.getLong(1) + " " + rs.getString(2));
                }
            }
            return titles;
        }
    }

    /** The application's own failure: a query, then an exception; the container answers 500. */
    public static final class BrokenServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM Event").close();
                throw new ServletException("the application's own failure");
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        }
    }
}

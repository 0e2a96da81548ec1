package dev.nplusone.it.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Jackson 2 and Jackson 3 serializing lists of {@link ParentView}, whose getter runs a query:
 * each request below loads the parents, then serializes them in one of the ways Jackson offers.
 * Last, outside any request, it serializes a list loaded beforehand.
 */
public final class SerializationApp {

    public static final int PARENTS = 4;
    public static final String[] SETUP = {
        "CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, name VARCHAR(40))",
        "INSERT INTO parent VALUES (1, 'p1'), (2, 'p2'), (3, 'p3'), (4, 'p4')",
        "INSERT INTO child VALUES (11, 1, 'c11'), (12, 1, 'c12'), (21, 2, 'c21'), (31, 3, 'c31')",
    };
    /** One route per way of writing; each becomes its own HTTP scope. */
    public static final List<String> ROUTES = List.of("/jackson2/string", "/jackson2/writer-bytes", "/jackson3/string", "/jackson3/stream");

    /** Serializes an {@link Envelope}. */
    public static final String NESTED_ROUTE = "/jackson2/nested";

    private static final String URL = "jdbc:h2:mem:serialization;DB_CLOSE_DELAY=-1";

    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final tools.jackson.databind.ObjectMapper JACKSON3 = tools.jackson.databind.json.JsonMapper.builder().build();

    /** A root value whose getter serializes again, with the other Jackson: no second scope opens inside the first. */
    public static final class Envelope {
        private final List<ParentView> parents;

        Envelope(List<ParentView> parents) {
            this.parents = parents;
        }

        public String getParentsJson() {
            return JACKSON3.writeValueAsString(parents); // serializes inside a serialization
        }
    }

    /** Writes the list to the exchange, one way or another. */
    interface Writer {
        void write(HttpExchange exchange, List<ParentView> parents) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
        db.setURL(URL);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : SETUP) {
                s.execute(sql);
            }
        }

        ExecutorService handlers = Executors.newFixedThreadPool(2);
        HttpServer server = Http.loopbackServer(handlers);
        route(server, db, "/jackson2/string", (exchange, parents) -> Http.respond(exchange, 200, JACKSON2.writeValueAsString(parents)));
        route(server, db, "/jackson2/writer-bytes", (exchange, parents) -> {
            byte[] json = JACKSON2.writer().writeValueAsBytes(parents);
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        });
        route(server, db, "/jackson3/string", (exchange, parents) -> Http.respond(exchange, 200, JACKSON3.writeValueAsString(parents)));
        route(server, db, "/jackson3/stream", (exchange, parents) -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                JACKSON3.writeValue(out, parents);
            }
        });
        route(server, db, NESTED_ROUTE, (exchange, parents) -> Http.respond(exchange, 200, JACKSON2.writeValueAsString(new Envelope(parents))));
        server.start();
        try {
            HttpClient client = Http.client();
            URI base = Http.base(server);
            for (String route : allRoutes()) {
                String json = Http.get(client, base.resolve(route));
                if (!json.contains("c12")) {
                    throw new IllegalStateException(route + " answered " + json);
                }
            }
        } finally {
            Http.stop(server, handlers);
        }

        // Outside any request: the serialization is the outermost scope.
        try (Connection c = db.getConnection()) {
            List<ParentView> parents = parents(c);
            JACKSON3.writer().writeValueAsBytes(parents); // outermost serialization
        }
        System.out.println("done");
    }

    private static List<String> allRoutes() {
        List<String> all = new ArrayList<>(ROUTES);
        all.add(NESTED_ROUTE);
        return all;
    }

    private static void route(HttpServer server, javax.sql.DataSource db, String path, Writer writer) {
        server.createContext(path, exchange -> {
            try (Connection c = db.getConnection()) {
                writer.write(exchange, parents(c)); // serializes in a request
            } catch (SQLException e) {
                Http.respond(exchange, 500, e.toString());
            }
        });
    }

    /** The parents, as a mutable ArrayList: the serialization scope is named after the root value's class. */
    static List<ParentView> parents(Connection c) throws SQLException {
        List<ParentView> parents = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM parent ORDER BY id")) {
            while (rs.next()) {
                parents.add(new ParentView(c, rs.getInt(1), rs.getString(2)));
            }
        }
        return parents;
    }
}

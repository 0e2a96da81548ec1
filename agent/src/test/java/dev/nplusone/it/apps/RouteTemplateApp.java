package dev.nplusone.it.apps;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded Tomcat 11 whose handlers leave a route template on the request the way Spring MVC's
 * DispatcherServlet does, under {@link #SPRING_ROUTE}; it sends itself a few requests whose last
 * path segment is a word, not a number, and exits. Argument: a directory for Tomcat's files.
 *
 * <ul>
 *   <li>{@code GET /things/<slug>}, in the root context and in {@code /shop}: template
 *       {@code /things/{slug}} as a String; the thing's tags, then each tag by id (N+1).
 *   <li>{@code GET /items/<code>}: template {@code /items/{code}} as an object whose
 *       {@code toString()} is the template (as Spring's PathPattern); one query.
 *   <li>{@code GET /plain/<word>}: no template; one query.
 * </ul>
 */
public final class RouteTemplateApp {

    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    public static final String[] SETUP = {
        "CREATE TABLE tag (id INT PRIMARY KEY, name VARCHAR(20))",
        "CREATE TABLE thing_tag (slug VARCHAR(20), tag_id INT)",
        "CREATE TABLE item (code VARCHAR(20) PRIMARY KEY, price INT)",
        "INSERT INTO tag VALUES (1, 'red'), (2, 'green'), (3, 'blue')",
        "INSERT INTO thing_tag VALUES ('abc', 1), ('abc', 2), ('abc', 3), ('xyz', 1), ('xyz', 2), ('xyz', 3)",
        "INSERT INTO item VALUES ('apple', 3), ('pear', 4)",
    };
    /** Tags of each thing: the repetitions of the N+1. */
    public static final int TAGS = 3;
    /** The requests, in order. */
    public static final String[] REQUESTS = {
        "/things/abc", "/things/xyz", "/items/apple", "/items/pear", "/plain/abc", "/plain/xyz", "/shop/things/abc",
    };

    static JdbcDataSource DB;

    public static void main(String[] args) throws Exception {
        DB = ServletApps.database("routes", SETUP);

        Path baseDir = Files.createDirectories(Paths.get(args[0]).toAbsolutePath());
        Tomcat tomcat = ServletApps.tomcat(baseDir);
        Context root = tomcat.addContext("", Files.createDirectories(baseDir.resolve("root")).toString());
        Tomcat.addServlet(root, "things", new ThingsServlet());
        root.addServletMappingDecoded("/things/*", "things");
        Tomcat.addServlet(root, "items", new ItemsServlet());
        root.addServletMappingDecoded("/items/*", "items");
        Tomcat.addServlet(root, "plain", new PlainServlet());
        root.addServletMappingDecoded("/plain/*", "plain");
        Context shop = tomcat.addContext("/shop", Files.createDirectories(baseDir.resolve("shop")).toString());
        Tomcat.addServlet(shop, "things", new ThingsServlet());
        shop.addServletMappingDecoded("/things/*", "things");
        tomcat.start();

        try {
            HttpClient client = Http.client();
            URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
            for (String path : REQUESTS) {
                System.out.println(path + ": " + Http.get(client, base.resolve(path)));
            }
        } finally {
            tomcat.stop(); // waits for the request threads
            tomcat.destroy();
        }
        System.out.println("done");
    }

    /** What Spring MVC 5.3+ leaves on the request with path patterns: not a String; its toString() is the template. */
    static final class RoutePattern {
        private final String template;

        RoutePattern(String template) {
            this.template = template;
        }

        @Override
        public String toString() {
            return template;
        }
    }

    /** A thing's tags, then each tag by id. */
    public static final class ThingsServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            request.setAttribute(SPRING_ROUTE, "/things/{slug}");
            List<String> names = new ArrayList<>();
            try (Connection c = DB.getConnection()) {
                List<Integer> tags = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT tag_id FROM thing_tag WHERE slug = ? ORDER BY tag_id")) {
                    ps.setString(1, request.getPathInfo().substring(1));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tags.add(rs.getInt(1));
                        }
                    }
                }
                for (int tag : tags) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM tag WHERE id = ?")) {
                        ps.setInt(1, tag);
                        try (ResultSet rs = ps.executeQuery()) { // N+1: each tag of the thing
                            rs.next();
                            names.add(rs.getString(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            response.setContentType("text/plain");
            response.getWriter().write(String.join(" ", names));
        }
    }

    /** One item by code; the template as an object. */
    public static final class ItemsServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            request.setAttribute(SPRING_ROUTE, new RoutePattern("/items/{code}"));
            response.setContentType("text/plain");
            response.getWriter().write(String.valueOf(one("SELECT price FROM item WHERE code = ?", request.getPathInfo().substring(1))));
        }
    }

    /** No template: the scope keeps the path, words and all. */
    public static final class PlainServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            response.setContentType("text/plain");
            response.getWriter().write(String.valueOf(one("SELECT COUNT(*) FROM thing_tag WHERE slug = ?", request.getPathInfo().substring(1))));
        }
    }

    private static int one(String sql, String parameter) throws ServletException {
        try (Connection c = DB.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }
}

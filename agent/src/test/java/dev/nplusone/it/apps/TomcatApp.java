package dev.nplusone.it.apps;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded Tomcat 11 (jakarta servlets) with context path {@code /shop}, on H2's DataSource;
 * it sends itself a few requests and exits. Argument: a directory for Tomcat's files.
 *
 * <ul>
 *   <li>{@link UserFilter} on every request: one query for the user, then the chain.
 *   <li>{@code GET /shop/orders}: the orders, then the lines of each order (N+1).
 *   <li>{@code GET /shop/legacy/orders}: forwards to {@code /orders}.
 *   <li>{@code GET /shop/page}: one query of its own, then includes {@code /orders}.
 *   <li>{@code POST /shop/orders}: one insert.
 * </ul>
 */
public final class TomcatApp {

    public static final String[] SETUP = {
        "CREATE TABLE app_user (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(40))",
        "CREATE TABLE order_line (order_id INT, sku VARCHAR(20), quantity INT)",
        "CREATE TABLE page (id INT PRIMARY KEY, title VARCHAR(40))",
        "INSERT INTO app_user VALUES (1, 'admin')",
        "INSERT INTO orders VALUES (1, 'ann'), (2, 'bob'), (3, 'cy')",
        "INSERT INTO order_line VALUES (1, 'A-1', 2), (1, 'B-2', 1), (2, 'C-3', 5), (3, 'A-1', 1)",
        "INSERT INTO page VALUES (1, 'Welcome')",
    };
    public static final int ORDERS = 3;

    static JdbcDataSource DB;

    public static void main(String[] args) throws Exception {
        DB = ServletApps.database("shop", SETUP);

        Path baseDir = Files.createDirectories(Paths.get(args[0]).toAbsolutePath());
        Tomcat tomcat = ServletApps.tomcat(baseDir);
        Context shop = tomcat.addContext("/shop", baseDir.toString());
        FilterDef user = new FilterDef();
        user.setFilterName("user");
        user.setFilter(new UserFilter());
        shop.addFilterDef(user);
        FilterMap everything = new FilterMap();
        everything.setFilterName("user");
        everything.addURLPattern("/*");
        shop.addFilterMap(everything);
        Tomcat.addServlet(shop, "orders", new OrdersServlet());
        shop.addServletMappingDecoded("/orders", "orders");
        Tomcat.addServlet(shop, "legacy", new LegacyServlet());
        shop.addServletMappingDecoded("/legacy/orders", "legacy");
        Tomcat.addServlet(shop, "page", new PageServlet());
        shop.addServletMappingDecoded("/page", "page");
        tomcat.start();

        try {
            HttpClient client = Http.client();
            URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
            Http.get(client, base.resolve("/shop/orders"));
            Http.get(client, base.resolve("/shop/legacy/orders"));
            Http.get(client, base.resolve("/shop/page"));
            Http.send(client, "POST", base.resolve("/shop/orders"));
        } finally {
            tomcat.stop(); // waits for the request threads
            tomcat.destroy();
        }
        System.out.println("done");
    }

    /** Loads the current user on every request, then passes it on. */
    public static final class UserFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            try (Connection c = DB.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT name FROM app_user WHERE id = ?")) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            chain.doFilter(request, response); // filter passes on
        }
    }

    public static final class OrdersServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            StringBuilder body = new StringBuilder();
            try (Connection c = DB.getConnection()) {
                List<Integer> orders = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, customer FROM orders ORDER BY id")) {
                    while (rs.next()) {
                        orders.add(rs.getInt(1));
                    }
                }
                for (int order : orders) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT sku, quantity FROM order_line WHERE order_id = ?")) {
                        ps.setInt(1, order);
                        try (ResultSet rs = ps.executeQuery()) { // N+1: lines of each order
                            while (rs.next()) {
                                body.append(order).append(' ').append(rs.getString(1)).append('\n');
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            response.setContentType("text/plain");
            response.getWriter().write(body.toString());
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException {
            try (Connection c = DB.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders VALUES (4, 'dee')");
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        }
    }

    /** An old address kept alive by a forward. */
    public static final class LegacyServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            request.getRequestDispatcher("/orders").forward(request, response); // forwards to /orders
        }
    }

    /** A page with a query of its own that includes the order list. */
    public static final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            try (Connection c = DB.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT title FROM page WHERE id = ?")) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            response.setContentType("text/plain");
            request.getRequestDispatcher("/orders").include(request, response); // includes /orders
        }
    }
}

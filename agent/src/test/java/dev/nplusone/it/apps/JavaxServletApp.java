package dev.nplusone.it.apps;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.h2.jdbcx.JdbcDataSource;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
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
 * An embedded Tomcat 9 ({@code javax.servlet}) in the root context, on H2's DataSource; it sends
 * itself a few requests and exits. Argument: a directory for Tomcat's files.
 *
 * <p>It is compiled against Tomcat 11's embedding classes, whose basic API Tomcat 9 shares; the
 * filter and servlets are therefore named by class, never passed as objects (Tomcat 11's methods
 * for those take jakarta types). Run it with Tomcat 9 on the class path, not Tomcat 11.
 *
 * <ul>
 *   <li>{@link AuditFilter} on every request: one query, then the chain.
 *   <li>{@code GET /orders/<id>}: the order's items, then the product of each item (N+1).
 *   <li>{@code GET /legacy/orders/<id>}: forwards to {@code /orders/<id>}.
 *   <li>{@code GET /things/<slug>}: one query; leaves Spring MVC's route template on the request.
 * </ul>
 */
public final class JavaxServletApp {

    public static final String[] SETUP = {
        "CREATE TABLE app_user (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE purchase (id INT PRIMARY KEY, customer VARCHAR(40))",
        "CREATE TABLE purchase_item (purchase_id INT, product_id INT, quantity INT)",
        "CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE thing (slug VARCHAR(20) PRIMARY KEY, title VARCHAR(40))",
        "INSERT INTO app_user VALUES (1, 'admin')",
        "INSERT INTO purchase VALUES (7, 'ann'), (8, 'bob')",
        "INSERT INTO purchase_item VALUES (7, 1, 2), (7, 2, 1), (7, 3, 1), (8, 1, 1), (8, 2, 2), (8, 3, 3), (8, 4, 4)",
        "INSERT INTO product VALUES (1, 'apple'), (2, 'pear'), (3, 'plum'), (4, 'fig')",
        "INSERT INTO thing VALUES ('abc', 'Alpha'), ('xyz', 'Omega')",
    };
    /** Items of purchase 7 and of purchase 8: the repetitions of the N+1 in each request. */
    public static final int ITEMS_OF_7 = 3;
    public static final int ITEMS_OF_8 = 4;
    /** What the things servlet leaves under {@link #SPRING_ROUTE}. */
    public static final String THINGS_ROUTE = "/things/{slug}";
    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    static JdbcDataSource DB;

    public static void main(String[] args) throws Exception {
        DB = ServletApps.database("javax-shop", SETUP);

        Path baseDir = Files.createDirectories(Paths.get(args[0]).toAbsolutePath());
        Tomcat tomcat = ServletApps.tomcat(baseDir);
        Context root = tomcat.addContext("", baseDir.toString());
        withoutAnnotations(root);
        FilterDef audit = new FilterDef();
        audit.setFilterName("audit");
        audit.setFilterClass(AuditFilter.class.getName());
        root.addFilterDef(audit);
        FilterMap everything = new FilterMap();
        everything.setFilterName("audit");
        everything.addURLPattern("/*");
        root.addFilterMap(everything);
        Tomcat.addServlet(root, "orders", OrdersServlet.class.getName());
        root.addServletMappingDecoded("/orders/*", "orders");
        Tomcat.addServlet(root, "legacy", LegacyServlet.class.getName());
        root.addServletMappingDecoded("/legacy/orders/*", "legacy");
        Tomcat.addServlet(root, "things", ThingsServlet.class.getName());
        root.addServletMappingDecoded("/things/*", "things");
        tomcat.start();

        try {
            HttpClient client = Http.client();
            URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
            System.out.println("server: " + ServerInfo.getServerInfo());
            System.out.println("/orders/7: " + Http.get(client, base.resolve("/orders/7")));
            System.out.println("/orders/8: " + Http.get(client, base.resolve("/orders/8")));
            System.out.println("/legacy/orders/7: " + Http.get(client, base.resolve("/legacy/orders/7")));
            System.out.println("/things/abc: " + Http.get(client, base.resolve("/things/abc")));
            System.out.println("/things/xyz: " + Http.get(client, base.resolve("/things/xyz")));
        } finally {
            tomcat.stop(); // waits for the request threads
            tomcat.destroy();
        }
        System.out.println("done");
    }

    /**
     * Tomcat 9 reads {@code javax.annotation} annotations of filters and servlets, and that API
     * is neither in the JDK nor in Tomcat's core jar. The application has none: skip the scan of
     * {@link Tomcat.FixContextListener} (which only marks the context configured besides) and the
     * instance manager's.
     */
    private static void withoutAnnotations(Context context) {
        for (LifecycleListener listener : context.findLifecycleListeners()) {
            if (listener instanceof Tomcat.FixContextListener) {
                context.removeLifecycleListener(listener);
            }
        }
        context.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                context.setConfigured(true);
            }
        });
        context.setIgnoreAnnotations(true);
    }

    /** One query on every request, then the chain. */
    public static final class AuditFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            try (Connection c = DB.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT name FROM app_user WHERE id = ?")) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            chain.doFilter(request, response); // audit filter passes on
        }
    }

    /** A purchase's items, then the product of each item, one query each. */
    public static final class OrdersServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            int purchase = Integer.parseInt(request.getPathInfo().substring(1));
            List<String> products = new ArrayList<>();
            try (Connection c = DB.getConnection()) {
                List<Integer> items = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT product_id FROM purchase_item WHERE purchase_id = ? ORDER BY product_id")) {
                    ps.setInt(1, purchase);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(rs.getInt(1));
                        }
                    }
                }
                for (int product : items) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM product WHERE id = ?")) {
                        ps.setInt(1, product);
                        try (ResultSet rs = ps.executeQuery()) { // N+1: product of each item
                            rs.next();
                            products.add(rs.getString(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            response.setContentType("text/plain");
            response.getWriter().write(String.join(" ", products));
        }
    }

    /** An old address kept alive by a forward. */
    public static final class LegacyServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            request.getRequestDispatcher("/orders" + request.getPathInfo()).forward(request, response); // forwards to /orders/<id>
        }
    }

    /** A handler the way Spring MVC's DispatcherServlet leaves it: the route template on the request. */
    public static final class ThingsServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            request.setAttribute(SPRING_ROUTE, THINGS_ROUTE);
            String title;
            try (Connection c = DB.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT title FROM thing WHERE slug = ?")) {
                ps.setString(1, request.getPathInfo().substring(1));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    title = rs.getString(1);
                }
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            response.setContentType("text/plain");
            response.getWriter().write(title);
        }
    }
}

package dev.nplusone.it.apps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asynchronous requests on an embedded Tomcat 11 (context {@code /shop}): each loads the orders on
 * the request thread, then the lines of each order somewhere else, and the response is completed
 * there. A filter runs one query per dispatch. Argument: a directory for Tomcat's files.
 *
 * <ul>
 *   <li>{@code GET /shop/start}: the lines through {@code AsyncContext.start}, on Tomcat's own pool;</li>
 *   <li>{@code GET /shop/pool}: the lines on the application's own pool, created before any request;</li>
 *   <li>{@code GET /shop/dispatch}: the lines on the application's pool, then an asynchronous
 *       dispatch back to the servlet, which writes the response (one more query, and the filter's);</li>
 *   <li>{@code GET /shop/timeout}: never completed: the container times it out;</li>
 *   <li>{@code GET /shop/plain}: an ordinary request, served after all that by the same threads.</li>
 * </ul>
 */
public final class AsyncServletApp {

    public static final String[] SETUP = {
        "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(40))",
        "CREATE TABLE order_line (order_id INT, sku VARCHAR(20))",
        "INSERT INTO orders VALUES (1, 'ann'), (2, 'bob'), (3, 'cy'), (4, 'dee')",
        "INSERT INTO order_line VALUES (1, 'A-1'), (2, 'B-2'), (3, 'C-3'), (4, 'D-4')",
    };
    public static final int ORDERS = 4;

    static JdbcDataSource db;
    static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    public static void main(String[] args) throws Exception {
        db = ServletApps.database("async", SETUP);
        Path baseDir = Files.createDirectories(Paths.get(args[0]).toAbsolutePath());
        Tomcat tomcat = ServletApps.tomcat(baseDir);
        Context shop = tomcat.addContext("/shop", baseDir.toString());
        FilterDef filter = new FilterDef();
        filter.setFilterName("audit");
        filter.setFilter(new AuditFilter());
        filter.setAsyncSupported("true");
        shop.addFilterDef(filter);
        FilterMap everything = new FilterMap();
        everything.setFilterName("audit");
        everything.addURLPattern("/*");
        everything.setDispatcher(DispatcherType.REQUEST.name());
        everything.setDispatcher(DispatcherType.ASYNC.name());
        shop.addFilterMap(everything);
        Tomcat.addServlet(shop, "orders", new OrdersServlet()).setAsyncSupported(true);
        for (String path : new String[] {"/start", "/pool", "/dispatch", "/timeout", "/plain"}) {
            shop.addServletMappingDecoded(path, "orders");
        }
        tomcat.start();
        try {
            HttpClient client = Http.client();
            URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
            for (String path : new String[] {"/shop/start", "/shop/pool", "/shop/dispatch"}) {
                expect(Http.get(client, base.resolve(path)), ORDERS + " lines");
            }
            HttpResponse<String> timedOut = client.send(HttpRequest.newBuilder(base.resolve("/shop/timeout")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (timedOut.statusCode() != 500) {
                throw new IllegalStateException("/shop/timeout answered " + timedOut.statusCode());
            }
            expect(Http.get(client, base.resolve("/shop/plain")), "plain");
        } finally {
            tomcat.stop(); // waits for the request threads
            tomcat.destroy();
            POOL.shutdown();
        }
        System.out.println("done");
    }

    private static void expect(String body, String expected) {
        if (!body.equals(expected)) {
            throw new IllegalStateException("answered '" + body + "', expected '" + expected + "'");
        }
    }

    /** One query per dispatch, the asynchronous one included. */
    public static final class AuditFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            query("SELECT customer FROM orders WHERE id = ?", 1);
            chain.doFilter(request, response);
        }
    }

    public static final class OrdersServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            String path = request.getServletPath();
            if (request.getDispatcherType() == DispatcherType.ASYNC) {
                query("SELECT customer FROM orders WHERE id = ?", 2); // the dispatch's own query
                response.getWriter().write(request.getAttribute("lines") + " lines");
                return;
            }
            if (path.equals("/plain")) {
                response.getWriter().write("plain");
                return;
            }
            query("SELECT count(*) FROM orders WHERE id > ?", 0);
            AsyncContext async = request.startAsync();
            switch (path) {
                case "/start":
                    async.start(() -> complete(async, lines())); // fan out (async start)
                    break;
                case "/pool":
                    POOL.execute(() -> complete(async, lines())); // fan out (async pool)
                    break;
                case "/dispatch":
                    POOL.execute(() -> {
                        request.setAttribute("lines", lines());
                        async.dispatch();
                    });
                    break;
                case "/timeout":
                    async.setTimeout(300);
                    break;
                default:
                    throw new ServletException("no " + path);
            }
        }
    }

    static int lines() {
        int found = 0;
        for (int order = 1; order <= ORDERS; order++) {
            found += query("SELECT sku FROM order_line WHERE order_id = ?", order); // the lines of each order
        }
        return found;
    }

    static void complete(AsyncContext async, int lines) {
        try {
            async.getResponse().getWriter().write(lines + " lines");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        async.complete();
    }

    static int query(String sql, int value) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, value);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) { // every query
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

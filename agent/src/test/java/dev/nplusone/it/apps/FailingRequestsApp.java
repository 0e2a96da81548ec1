package dev.nplusone.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link #CLIENTS} clients at once against an embedded Tomcat of as many request threads, over one
 * HikariCP pool of {@link #POOL} connections, with requests that fail half-way. Request
 * {@code /<how><k>} runs exactly k statements and then ends {@code how}:
 *
 * <ul>
 *   <li>{@code ok}: answers 200;</li>
 *   <li>{@code throw}: the servlet throws (the container answers 500);</li>
 *   <li>{@code sqlfail}: its last statement is refused by the database and the servlet throws that;</li>
 *   <li>{@code gone}: the client sent the request and closed its connection at once;</li>
 *   <li>{@code slow}: the servlet outlasts the client's timeout, which gave up on it.</li>
 * </ul>
 *
 * Each servlet counts the requests it served, printed as {@code served <path>: <n>}, so that the test
 * compares every scope with what really ran. Tomcat's threads serve request after request: a scope
 * left open by a failed one would swallow the next request's statements on that thread.
 */
public final class FailingRequestsApp {

    public static final int CLIENTS = 200;
    public static final int POOL = 10;
    public static final int REQUESTS_PER_CLIENT = 6;
    public static final String[] ENDINGS = {"ok", "throw", "sqlfail", "gone", "slow"};
    public static final int MAX_STATEMENTS = 4;
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);

    static final Map<String, AtomicInteger> SERVED = new ConcurrentHashMap<>();
    static HikariDataSource pool;

    private FailingRequestsApp() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:failing;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(POOL);
        config.setConnectionTimeout(60_000);
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE numbers (n INT PRIMARY KEY, v VARCHAR(20))");
            s.execute("INSERT INTO numbers SELECT x, 'v' || x FROM SYSTEM_RANGE(1, 100)");
        }
        Path baseDir = Files.createDirectories(Paths.get(args[0]).toAbsolutePath());
        Tomcat tomcat = ServletApps.tomcat(baseDir);
        tomcat.getConnector().setProperty("maxThreads", Integer.toString(CLIENTS));
        Context app = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(app, "work", new WorkServlet());
        app.addServletMappingDecoded("/*", "work");
        tomcat.start();
        try {
            int port = tomcat.getConnector().getLocalPort();
            List<String> failures = hammer(port);
            System.out.println("client failures: " + failures.size());
            failures.stream().limit(10).forEach(System.out::println);
            Thread.sleep(2 * CLIENT_TIMEOUT.toMillis()); // the slow requests finish after their clients left
        } finally {
            tomcat.stop(); // waits for the request threads
            tomcat.destroy();
            pool.close();
        }
        new java.util.TreeMap<>(SERVED).forEach((path, n) -> System.out.println("served " + path + ": " + n.get()));
    }

    /** Every client sends its requests one after another, all clients at once; returns what went wrong unexpectedly. */
    static List<String> hammer(int port) throws Exception {
        HttpClient http = Http.client();
        URI base = URI.create("http://127.0.0.1:" + port);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<String>>> done = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            Random random = new Random(client);
            List<String> paths = new ArrayList<>();
            for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                paths.add(ENDINGS[(client + r) % ENDINGS.length] + (1 + random.nextInt(MAX_STATEMENTS)));
            }
            Collections.shuffle(paths, random);
            done.add(clients.submit(() -> {
                List<String> unexpected = new ArrayList<>();
                for (String path : paths) {
                    String problem = send(http, base, port, path);
                    if (problem != null) {
                        unexpected.add(path + ": " + problem);
                    }
                }
                return unexpected;
            }));
        }
        List<String> failures = new ArrayList<>();
        for (Future<List<String>> f : done) {
            failures.addAll(f.get(120, TimeUnit.SECONDS));
        }
        clients.shutdown();
        return failures;
    }

    /** One request as its kind wants it sent; null when it went as it should. */
    static String send(HttpClient http, URI base, int port, String path) throws Exception {
        if (path.startsWith("gone")) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } // closed before any answer
            return null;
        }
        boolean slow = path.startsWith("slow");
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/" + path)).timeout(slow ? CLIENT_TIMEOUT : Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int expected = path.startsWith("ok") ? 200 : slow ? -1 : 500;
            return response.statusCode() == expected ? null : "status " + response.statusCode();
        } catch (HttpTimeoutException timedOut) {
            return slow ? null : timedOut.toString();
        }
    }

    /** {@code /<how><k>}: k statements, then the ending its name says. */
    public static final class WorkServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getRequestURI().substring(1);
            int k = Integer.parseInt(path.replaceAll("\\D", ""));
            SERVED.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT v FROM numbers WHERE n = ?")) {
                int good = path.startsWith("sqlfail") ? k - 1 : k;
                for (int i = 1; i <= good; i++) {
                    ps.setInt(1, i);
                    ps.executeQuery().close(); // one of the k statements
                }
                if (path.startsWith("sqlfail")) {
                    try (Statement s = c.createStatement()) {
                        s.executeQuery("SELECT v FROM no_such_table"); // the k-th, refused
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the database refused: " + e.getMessage(), e);
            }
            if (path.startsWith("throw")) {
                throw new IllegalStateException("the application failed half-way");
            }
            if (path.startsWith("slow")) {
                try {
                    Thread.sleep(CLIENT_TIMEOUT.toMillis() + 300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            response.setContentType("text/plain");
            response.getWriter().write(k + " statements");
        }
    }
}

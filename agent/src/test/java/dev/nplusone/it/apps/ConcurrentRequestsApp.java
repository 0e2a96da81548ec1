package dev.nplusone.it.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link #ROUNDS} rounds of {@link #CONCURRENT} requests at once to a JDK HTTP server with as
 * many handler threads, over a HikariCP pool of as many connections. Request {@code /work/w<k>}
 * runs exactly k statements, so every scope's count says whether a statement strayed into
 * another thread's scope. Handlers wait until the whole round has arrived before they start, so
 * that the statements really interleave.
 */
public final class ConcurrentRequestsApp {

    public static final int CONCURRENT = 16;
    public static final int ROUNDS = 3;
    public static final String[] SETUP = {
        "CREATE TABLE numbers (n INT PRIMARY KEY, v VARCHAR(20))",
        "INSERT INTO numbers SELECT x, 'v' || x FROM SYSTEM_RANGE(1, " + CONCURRENT + ")",
    };

    private static final Map<String, CountDownLatch> ROUND_ARRIVALS = new ConcurrentHashMap<>();
    private static final AtomicInteger ROUNDS_NOT_TOGETHER = new AtomicInteger();
    /** Numbers every statement of every request, to tell whether other requests' statements came in between. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger INTERLEAVED_REQUESTS = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:concurrent;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(CONCURRENT);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                for (String sql : SETUP) {
                    s.execute(sql);
                }
            }
            ExecutorService handlers = Executors.newFixedThreadPool(CONCURRENT);
            HttpServer server = Http.loopbackServer(handlers);
            server.createContext("/work/", exchange -> work(exchange, pool));
            server.start();
            try {
                sendRounds(Http.base(server));
            } finally {
                Http.stop(server, handlers);
            }
        }
        System.out.println("interleaved requests: " + INTERLEAVED_REQUESTS.get());
        System.out.println("rounds not together: " + ROUNDS_NOT_TOGETHER.get());
    }

    private static void sendRounds(URI base) throws Exception {
        HttpClient client = Http.client();
        for (int round = 1; round <= ROUNDS; round++) {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int k = 1; k <= CONCURRENT; k++) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/work/w" + k + "?round=" + round)).build();
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Http::check));
            }
            for (int k = 1; k <= CONCURRENT; k++) {
                String body = answers.get(k - 1).get(60, TimeUnit.SECONDS);
                if (!body.equals(k + " statements")) {
                    throw new IllegalStateException("/work/w" + k + " answered " + body);
                }
            }
        }
    }

    /** {@code /work/w<k>?round=<r>}: waits for the round's other requests, then runs k statements. */
    static void work(HttpExchange exchange, HikariDataSource pool) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/work/".length());
        int k = Integer.parseInt(name.substring(1));
        CountDownLatch arrivals = ROUND_ARRIVALS.computeIfAbsent(exchange.getRequestURI().getQuery(), r -> new CountDownLatch(CONCURRENT));
        arrivals.countDown();
        try {
            if (!arrivals.await(20, TimeUnit.SECONDS)) {
                ROUNDS_NOT_TOGETHER.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT v FROM numbers WHERE n = ?")) {
            int first = -1;
            int last = -1;
            for (int i = 1; i <= k; i++) {
                last = SEQUENCE.getAndIncrement();
                first = first < 0 ? last : first;
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) { // one of the k statements
                    rs.next();
                }
                Thread.yield(); // let the other requests' statements in between
            }
            if (last - first + 1 > k) {
                INTERLEAVED_REQUESTS.incrementAndGet();
            }
            Http.respond(exchange, 200, k + " statements");
        } catch (SQLException e) {
            Http.respond(exchange, 500, e.toString());
        }
    }
}

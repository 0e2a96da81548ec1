package dev.nplusone.it.apps.threads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.it.apps.ManualScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Request handlers that fan their lookups out to other threads, one manual scope per handler: a
 * fixed pool ({@code invokeAll} and a loop of {@code submit}), {@code CompletableFuture} on the
 * common pool and on a pool of its own, a parallel stream, plain threads, virtual threads (JDK 21+),
 * a one-shot scheduled task. Each loads {@link #CHILDREN} children of {@link #CHILDREN} parents, one
 * query each: an N+1 whatever thread runs it. Then what must not be attributed: a task that outlives
 * its handler, a pool thread that serves the next handler, work outside any scope.
 *
 * <p>Arguments: the cases to run (see {@link #main}); all but {@code virtual} by default.
 */
public final class ThreadsApp {

    public static final int CHILDREN = 6;
    public static final String[] SETUP = {
        "CREATE TABLE parent (id INT PRIMARY KEY)",
        "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, name VARCHAR(20))",
        "INSERT INTO parent SELECT x FROM SYSTEM_RANGE(1, " + CHILDREN + ")",
        "INSERT INTO child SELECT x, x, 'c' || x FROM SYSTEM_RANGE(1, " + CHILDREN + ")",
    };

    private final HikariDataSource db;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    private ThreadsApp(HikariDataSource db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:threads;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(8);
        try (HikariDataSource db = new HikariDataSource(config)) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                for (String sql : SETUP) {
                    s.execute(sql);
                }
            }
            ThreadsApp app = new ThreadsApp(db);
            List<String> cases = args.length > 0 ? List.of(args)
                    : List.of("pool", "submit", "completable", "completable-pool", "parallel-stream", "threads", "scheduled",
                            "two-children", "late", "reuse", "unscoped", "exchange");
            for (String name : cases) {
                app.run(name);
            }
            app.pool.shutdown();
            app.pool.awaitTermination(20, TimeUnit.SECONDS);
        }
        System.out.println("threads app done");
    }

    private void run(String name) throws Exception {
        switch (name) {
            case "pool": pool(); break;
            case "submit": submit(); break;
            case "completable": completable(); break;
            case "completable-pool": completablePool(); break;
            case "parallel-stream": parallelStream(); break;
            case "threads": threads(); break;
            case "virtual": virtual(); break;
            case "scheduled": scheduled(); break;
            case "two-children": twoChildren(); break;
            case "late": late(); break;
            case "reuse": reuse(); break;
            case "unscoped": unscoped(); break;
            case "million": million(); break;
            case "exchange": exchange(); break;
            default: throw new IllegalArgumentException("no case " + name);
        }
    }

    /** The statement each task runs: one child by its parent. */
    String childOf(int parent) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT name FROM child WHERE parent_id = ?")) {
            ps.setInt(1, parent);
            try (ResultSet rs = ps.executeQuery()) { // the child query
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Integer> parents() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM parent")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    void pool() throws Exception {
        try (ManualScope scope = ManualScope.open("pool")) {
            List<Callable<String>> loads = new ArrayList<>();
            for (int id : parents()) {
                loads.add(() -> childOf(id));
            }
            for (Future<String> f : pool.invokeAll(loads)) { // fan out (pool)
                f.get();
            }
        }
    }

    void submit() throws Exception {
        try (ManualScope scope = ManualScope.open("submit")) {
            List<Future<String>> loads = new ArrayList<>();
            for (int id : parents()) {
                loads.add(pool.submit(() -> childOf(id))); // fan out (submit)
            }
            for (Future<String> f : loads) {
                f.get();
            }
        }
    }

    void completable() throws Exception {
        try (ManualScope scope = ManualScope.open("completable")) {
            List<CompletableFuture<String>> loads = new ArrayList<>();
            for (int id : parents()) {
                loads.add(CompletableFuture.supplyAsync(() -> childOf(id))); // fan out (completable)
            }
            CompletableFuture.allOf(loads.toArray(new CompletableFuture<?>[0])).join();
        }
    }

    void completablePool() throws Exception {
        try (ManualScope scope = ManualScope.open("completable-pool")) {
            List<CompletableFuture<String>> loads = new ArrayList<>();
            for (int id : parents()) {
                loads.add(CompletableFuture.supplyAsync(() -> id, pool).thenApplyAsync(this::childOf, pool)); // fan out (completable-pool)
            }
            CompletableFuture.allOf(loads.toArray(new CompletableFuture<?>[0])).join();
        }
    }

    void parallelStream() throws Exception {
        try (ManualScope scope = ManualScope.open("parallel-stream")) {
            List<String> names = parents().parallelStream().map(this::childOf).collect(Collectors.toList()); // fan out (parallel-stream)
            check(names);
        }
    }

    void threads() throws Exception {
        try (ManualScope scope = ManualScope.open("threads")) {
            List<Thread> threads = new ArrayList<>();
            for (int id : parents()) {
                Thread t = new Thread(() -> childOf(id)); // fan out (threads)
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    /** JDK 21 and newer: compiled for 17, so the executor is reached by reflection. */
    void virtual() throws Exception {
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try (ManualScope scope = ManualScope.open("virtual")) {
            List<Future<String>> loads = new ArrayList<>();
            for (int id : parents()) {
                loads.add(virtual.submit(() -> childOf(id))); // fan out (virtual)
            }
            for (Future<String> f : loads) {
                f.get();
            }
        } finally {
            virtual.shutdown();
        }
    }

    void scheduled() throws Exception {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (ManualScope scope = ManualScope.open("scheduled")) {
            List<Future<String>> loads = new ArrayList<>();
            for (int id : parents()) {
                loads.add(timer.schedule(() -> childOf(id), 1, TimeUnit.MILLISECONDS)); // fan out (scheduled)
            }
            for (Future<String> f : loads) {
                f.get();
            }
        } finally {
            timer.shutdown();
        }
    }

    /** Below the threshold: counted in the scope, no finding. */
    void twoChildren() throws Exception {
        try (ManualScope scope = ManualScope.open("two-children")) {
            List<Future<String>> loads = new ArrayList<>();
            for (int id = 1; id <= 2; id++) {
                int parent = id;
                loads.add(pool.submit(() -> childOf(parent)));
            }
            for (Future<String> f : loads) {
                f.get();
            }
        }
    }

    /**
     * A task that outlives its handler: its two statements run after the scope closed (late), then
     * the same pool thread runs the next handler's one task.
     */
    void late() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch closed = new CountDownLatch(1);
        Future<?> straggler;
        try (ManualScope scope = ManualScope.open("late-request")) {
            childOf(1);
            straggler = single.submit(() -> {
                await(closed);
                childOf(2);
                childOf(3);
            });
        }
        closed.countDown();
        straggler.get();
        try (ManualScope scope = ManualScope.open("next-request")) {
            single.submit(() -> childOf(4)).get();
        }
        single.submit(() -> childOf(5)).get(); // outside any scope
        single.shutdown();
    }

    /** One pool thread serves two handlers in turn: nothing of the first reaches the second. */
    void reuse() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try (ManualScope scope = ManualScope.open("reuse-first")) {
            List<Future<String>> loads = new ArrayList<>();
            for (int id : parents()) {
                loads.add(single.submit(() -> childOf(id)));
            }
            for (Future<String> f : loads) {
                f.get();
            }
        }
        try (ManualScope scope = ManualScope.open("reuse-second")) {
            single.submit(() -> childOf(1)).get();
            single.submit(() -> childOf(2)).get();
        }
        single.shutdown();
    }

    /** Work handed to threads outside any scope stays outside: the pool's threads keep no scope of their own. */
    void unscoped() throws Exception {
        List<Future<String>> loads = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            int parent = id;
            loads.add(pool.submit(() -> childOf(parent)));
        }
        for (Future<String> f : loads) {
            f.get();
        }
        CompletableFuture.supplyAsync(() -> childOf(4)).join();
    }

    /**
     * The JDK's HTTP server, whose handlers hand the exchange to the application's pool, which loads
     * the children and writes the response: the exchange is one scope until then. {@code /handed}
     * writes a body, {@code /handed-empty} none; {@code /direct} answers on the handler's thread.
     */
    void exchange() throws Exception {
        ExecutorService handlers = Executors.newFixedThreadPool(2);
        com.sun.net.httpserver.HttpServer server = dev.nplusone.it.apps.Http.loopbackServer(handlers);
        server.createContext("/handed", exchange -> pool.execute(() -> {
            String children = parentsAndChildren();
            try {
                dev.nplusone.it.apps.Http.respond(exchange, 200, children);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        server.createContext("/handed-empty", exchange -> pool.execute(() -> {
            parentsAndChildren();
            try {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        server.createContext("/direct", exchange -> dev.nplusone.it.apps.Http.respond(exchange, 200, childOf(1)));
        server.start();
        try {
            java.net.http.HttpClient client = dev.nplusone.it.apps.Http.client();
            java.net.URI base = dev.nplusone.it.apps.Http.base(server);
            for (String path : new String[] {"/handed", "/handed-empty", "/direct", "/handed"}) {
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(base.resolve(path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
            }
        } finally {
            dev.nplusone.it.apps.Http.stop(server, handlers);
        }
    }

    private String parentsAndChildren() {
        try {
            List<String> names = new ArrayList<>();
            for (int id : parents()) {
                names.add(childOf(id)); // the exchange's children
            }
            return String.join(",", names);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A million tasks through one pool, a thousand per scope, a hundred completion stages per scope
     * that never run, and a periodic task started in a scope: the heap after the last thousand is
     * about what it was after the first. Prints the two figures.
     */
    void million() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (ManualScope scope = ManualScope.open("periodic")) {
            timer.scheduleAtFixedRate(() -> { }, 0, 1, TimeUnit.MILLISECONDS);
        }
        ExecutorService one = Executors.newFixedThreadPool(2);
        long first = 0;
        for (int batch = 1; batch <= 1000; batch++) {
            try (ManualScope scope = ManualScope.open("batch")) {
                CountDownLatch done = new CountDownLatch(1000);
                for (int i = 0; i < 1000; i++) {
                    one.execute(done::countDown);
                }
                done.await();
                CompletableFuture<Integer> never = new CompletableFuture<>();
                for (int i = 0; i < 100; i++) {
                    never.thenApplyAsync(n -> n + 1, one); // a stage that never runs, dropped with its future
                }
                if (batch % 250 == 0) {
                    childOf(1); // a few statements, to count
                }
            }
            if (batch == 100) {
                first = usedHeapAfterGc();
            }
        }
        long last = usedHeapAfterGc();
        System.out.println("heap after 100000 tasks: " + first);
        System.out.println("heap after 1000000 tasks: " + last);
        one.shutdown();
        timer.shutdownNow();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void check(List<String> names) {
        if (names.size() != CHILDREN || names.contains(null)) {
            throw new IllegalStateException("children: " + names);
        }
    }
}

package dev.nplusone.it.apps;

import dev.nplusone.api.NPlusOne;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attacks on the agent's memory, for {@code BoundsIT}, each run in a child JVM with a small heap, so
 * that a structure of the agent's that grew with the attack would end it with an OutOfMemoryError.
 * Each prints the heap in use after a full collection before and during the attack (while its scopes
 * are still open, so that what they keep is counted), as {@code heap before: <bytes>} and
 * {@code heap during: <bytes>}.
 *
 * <ul>
 *   <li>{@code statements <n>}: one scope that never closes (a batch job) runs n statements;</li>
 *   <li>{@code shapes <n>}: one scope that never closes runs n statements of n distinct shapes (generated SQL);</li>
 *   <li>{@code huge <n>}: one scope that never closes runs n statements of a megabyte each, of n distinct shapes;</li>
 *   <li>{@code deep <frames>}: an N+1 run below a recursion that many frames deep;</li>
 *   <li>{@code threads <n>}: n threads each open a scope, run statements, and wait there until all have.</li>
 * </ul>
 */
public final class BoundsApp {

    public static final String BATCH = "batch job";
    public static final String DEEP = "deep recursion";
    public static final String WORKER = "worker";
    /** Statements each worker thread runs in its scope: an N+1 of 5 and 3 other shapes. */
    public static final int PER_WORKER = 8;
    public static final int DEEP_LOOP = 20;
    public static final int MEGABYTE = 1 << 20;

    /** Referenced until the end, so that the heap measured during an attack holds what the scope holds. */
    static final List<Object> KEEP = new ArrayList<>();

    private BoundsApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bounds;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE item(id INT PRIMARY KEY, owner INT, name VARCHAR(20))");
                s.execute("INSERT INTO item SELECT x, x % 10, 'item ' || x FROM SYSTEM_RANGE(1, 100)");
            }
            switch (mode) {
                case "statements":
                    statements(c, n);
                    break;
                case "shapes":
                    shapes(c, n);
                    break;
                case "huge":
                    huge(c, n);
                    break;
                case "deep":
                    deep(c, n);
                    break;
                case "threads":
                    threads(c, n);
                    break;
                default:
                    throw new IllegalArgumentException(mode);
            }
        }
    }

    /** The cheapest statement there is, n times, in one scope left open: the agent must not keep anything per statement. */
    static void statements(Connection c, int n) throws SQLException {
        heap("before");
        KEEP.add(NPlusOne.scope(BATCH));
        try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
            for (int i = 0; i < n; i++) {
                ps.setInt(1, i);
                ps.execute(); // one statement of the batch
            }
        }
        heap("during");
        System.out.println("statements run: " + n);
    }

    static void shapes(Connection c, int n) throws SQLException {
        heap("before");
        KEEP.add(NPlusOne.scope(BATCH));
        for (int i = 0; i < n; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name AS n" + i + " FROM item WHERE id = ?")) {
                ps.setInt(1, i % 100 + 1);
                ps.executeQuery().close();
            }
        }
        heap("during");
        System.out.println("statements run: " + n);
    }

    /**
     * A megabyte of SQL each, of distinct shapes that differ only at their start: a thousand columns
     * repeated. The database refuses them at once (a misspelt first word), as it would a statement
     * too long for it; the agent sees every one.
     */
    static void huge(Connection c, int n) throws SQLException {
        StringBuilder columns = new StringBuilder(MEGABYTE + 100);
        for (int i = 0; columns.length() < MEGABYTE; i++) {
            columns.append(", column_").append(i);
        }
        String tail = columns.append(" FROM item").toString();
        heap("before");
        KEEP.add(NPlusOne.scope(BATCH));
        int refused = 0;
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                try {
                    s.execute("SELEKT first_" + i + tail);
                } catch (SQLException expected) {
                    refused++;
                }
            }
        }
        heap("during");
        System.out.println("statements run: " + n + ", refused by the database: " + refused);
    }

    static void deep(Connection c, int frames) throws SQLException {
        try (NPlusOne.Scope scope = NPlusOne.scope(DEEP)) {
            System.out.println("deepest frame reached: " + descend(c, frames));
        }
    }

    private static int descend(Connection c, int depth) throws SQLException {
        if (depth > 1) {
            return descend(c, depth - 1) + 1;
        }
        for (int owner = 0; owner < DEEP_LOOP; owner++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE owner = ?")) {
                ps.setInt(1, owner);
                ps.executeQuery().close(); // N+1 at the bottom of the recursion
            }
        }
        return 1;
    }

    /** n threads, each with a scope open at once; the heap is measured while they all are. */
    static void threads(Connection c, int n) throws Exception {
        heap("before");
        CountDownLatch allOpen = new CountDownLatch(n);
        CountDownLatch measured = new CountDownLatch(1);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Thread worker = new Thread(() -> {
                try {
                    NPlusOne.Scope scope = NPlusOne.scope(WORKER); // one connection for all: the heap measured is the scopes', not sessions'
                    try {
                        work(c);
                        allOpen.countDown();
                        measured.await();
                    } finally {
                        scope.close();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                    allOpen.countDown();
                }
            }, "worker-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        allOpen.await();
        heap("during");
        measured.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("threads: " + n + ", failures: " + failures.get());
    }

    private static void work(Connection c) throws SQLException {
        for (int owner = 0; owner < 5; owner++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE owner = ?")) {
                ps.setInt(1, owner);
                ps.executeQuery().close();
            }
        }
        for (String sql : new String[] {"SELECT COUNT(*) FROM item", "SELECT MAX(id) FROM item", "SELECT MIN(id) FROM item"}) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
            }
        }
    }

    /** The heap in use after full collections, printed for the test. */
    static void heap(String when) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        System.out.println("heap " + when + ": " + used);
    }
}

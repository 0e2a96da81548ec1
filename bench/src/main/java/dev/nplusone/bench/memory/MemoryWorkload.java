package dev.nplusone.bench.memory;

import dev.nplusone.api.NPlusOne;
import dev.nplusone.bench.jdbc.Database;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs in a child JVM, with or without the agent, and prints the heap in use after a full
 * collection at checkpoints of a workload (a line {@code checkpoint LABEL BYTES} each). Without the
 * agent, {@code NPlusOne.scope} is a no-op, so the difference between the two JVMs at a checkpoint
 * is what the agent retains.
 *
 * <ul>
 *   <li>{@code long-scope}: 1,000,000 statements of 10,000 distinct shapes in one scope that stays
 *       open; every shape runs from one call site with a new parameter each time (an N+1 of each);</li>
 *   <li>{@code short-scopes}: 100,000 scopes, each with a name of its own and an N+1 of four
 *       statements: every scope makes a new scope name and a new finding for the registry.</li>
 *   <li>{@code saturated-shapes}: what one shape can cost at most in an open scope. {@value
 *       #SATURATED_SHAPES} shapes, each run with {@value #SATURATED_VALUES} distinct parameter
 *       values, every value twice, past the agent's bound on distinct statements per shape
 *       (4,096), so that its per-shape tables are full.</li>
 *   <li>{@code capped-scope}: one open scope taken past the agent's default {@code scope-memory}
 *       (32 MB): {@value #CAPPED_SHAPES} shapes with {@value #CAPPED_VALUES} distinct values each.</li>
 * </ul>
 */
public final class MemoryWorkload {

    static final int STATEMENTS = 1_000_000;
    static final int SHAPES = 10_000;
    static final int SCOPES = 100_000;
    static final int SATURATED_SHAPES = 50;
    static final int SATURATED_VALUES = 5_000;
    /** Enough shapes with enough distinct values each to take one scope past the default scope-memory (32m). */
    static final int CAPPED_SHAPES = 250;
    static final int CAPPED_VALUES = 4_200;
    /** Where the heap is read, in tenths of the workload: the half-way mark tells a bound from growth. */
    private static final int[] TENTHS = {1, 3, 5, 8, 10};

    private MemoryWorkload() {
    }

    /** @param args the workload, then a divisor of its size (1 for the full workload; quick runs use less) */
    public static void main(String[] args) throws Exception {
        int divisor = Integer.parseInt(args[1]);
        try (Database database = new Database(); Connection connection = database.pool().getConnection()) {
            checkpoint("0");
            switch (args[0]) {
                case "long-scope" -> longScope(connection, STATEMENTS / divisor);
                case "short-scopes" -> shortScopes(connection, SCOPES / divisor);
                case "saturated-shapes" -> saturatedShapes(connection);
                case "capped-scope" -> cappedScope(connection);
                default -> throw new IllegalArgumentException("unknown workload " + args[0]);
            }
        }
    }

    private static void longScope(Connection connection, int statements) throws Exception {
        Set<Integer> checkpoints = checkpoints(statements);
        String[] sql = new String[SHAPES];
        for (int k = 0; k < SHAPES; k++) {
            sql[k] = "select id, name as n" + k + " from item where id = ?";
        }
        try (NPlusOne.Scope scope = NPlusOne.scope("one long scope")) {
            for (int i = 0; i < statements; i++) {
                Database.query(connection, sql[i % SHAPES], (i / SHAPES) % Database.ROWS + 1);
                if (checkpoints.contains(i + 1)) {
                    checkpoint(Integer.toString(i + 1));
                }
            }
        }
        checkpoint("closed");
    }

    private static void shortScopes(Connection connection, int scopes) throws Exception {
        Set<Integer> checkpoints = checkpoints(scopes);
        for (int s = 0; s < scopes; s++) {
            try (NPlusOne.Scope scope = NPlusOne.scope("short scope " + s)) {
                for (int k = 0; k < 4; k++) {
                    Database.query(connection, Database.SELECT, (s * 4L + k) % Database.ROWS + 1);
                }
            }
            if (checkpoints.contains(s + 1)) {
                checkpoint(Integer.toString(s + 1));
            }
        }
    }

    private static void saturatedShapes(Connection connection) throws Exception {
        try (NPlusOne.Scope scope = NPlusOne.scope("saturated shapes")) {
            for (int k = 0; k < SATURATED_SHAPES; k++) {
                String sql = "select id, name as s" + k + " from item where id = ?";
                for (int repeat = 0; repeat < 2; repeat++) {
                    for (int value = 1; value <= SATURATED_VALUES; value++) {
                        Database.query(connection, sql, value);
                    }
                }
                if (k + 1 == SATURATED_SHAPES / 2 || k + 1 == SATURATED_SHAPES) {
                    checkpoint(Integer.toString(k + 1));
                }
            }
        }
    }

    private static void cappedScope(Connection connection) throws Exception {
        try (NPlusOne.Scope scope = NPlusOne.scope("capped scope")) {
            for (int k = 0; k < CAPPED_SHAPES; k++) {
                String sql = "select id, name as c" + k + " from item where id = ?";
                for (int value = 1; value <= CAPPED_VALUES; value++) {
                    Database.query(connection, sql, value);
                }
                if (k + 1 == CAPPED_SHAPES / 2 || k + 1 == CAPPED_SHAPES) {
                    checkpoint(Integer.toString(k + 1));
                }
            }
        }
    }

    private static Set<Integer> checkpoints(int total) {
        Set<Integer> out = new HashSet<>();
        for (int tenths : TENTHS) {
            out.add(total / 10 * tenths);
        }
        return out;
    }

    private static void checkpoint(String label) {
        System.out.println("checkpoint " + label + " " + usedAfterFullCollection());
    }

    // With the serial collector (see Memory) System.gc() is a full, compacting collection. The
    // pools' usage *after the last collection* is read, not the heap's usage now: a thread that
    // allocates between the collection and the reading takes a new allocation buffer, megabytes
    // that would count as used.
    private static long usedAfterFullCollection() {
        System.gc();
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return used;
    }
}

package dev.nplusone.bench.memory;

import dev.nplusone.api.NPlusOne;
import dev.nplusone.bench.jdbc.Database;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
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
 * </ul>
 */
public final class MemoryWorkload {

    static final int STATEMENTS = 1_000_000;
    static final int SHAPES = 10_000;
    static final int SCOPES = 100_000;
    private static final Set<Integer> STATEMENT_CHECKPOINTS = Set.of(100_000, 250_000, 500_000, 750_000, STATEMENTS);
    private static final Set<Integer> SCOPE_CHECKPOINTS = Set.of(10_000, 25_000, 50_000, 75_000, SCOPES);

    private MemoryWorkload() {
    }

    public static void main(String[] args) throws Exception {
        try (Database database = new Database(); Connection connection = database.pool().getConnection()) {
            checkpoint("0");
            switch (args[0]) {
                case "long-scope" -> longScope(connection);
                case "short-scopes" -> shortScopes(connection);
                default -> throw new IllegalArgumentException("unknown workload " + args[0]);
            }
        }
    }

    private static void longScope(Connection connection) throws Exception {
        String[] sql = new String[SHAPES];
        for (int k = 0; k < SHAPES; k++) {
            sql[k] = "select id, name as n" + k + " from item where id = ?";
        }
        try (NPlusOne.Scope scope = NPlusOne.scope("one long scope")) {
            for (int i = 0; i < STATEMENTS; i++) {
                Database.query(connection, sql[i % SHAPES], (i / SHAPES) % Database.ROWS + 1);
                if (STATEMENT_CHECKPOINTS.contains(i + 1)) {
                    checkpoint(Integer.toString(i + 1));
                }
            }
        }
        checkpoint("closed");
    }

    private static void shortScopes(Connection connection) throws Exception {
        for (int s = 0; s < SCOPES; s++) {
            try (NPlusOne.Scope scope = NPlusOne.scope("short scope " + s)) {
                for (int k = 0; k < 4; k++) {
                    Database.query(connection, Database.SELECT, (s * 4L + k) % Database.ROWS + 1);
                }
            }
            if (SCOPE_CHECKPOINTS.contains(s + 1)) {
                checkpoint(Integer.toString(s + 1));
            }
        }
    }

    private static void checkpoint(String label) throws InterruptedException {
        System.out.println("checkpoint " + label + " " + usedAfterFullCollection());
    }

    // With the serial collector (see Memory) System.gc() is a full, compacting collection: what is
    // left is what something still references.
    private static long usedAfterFullCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

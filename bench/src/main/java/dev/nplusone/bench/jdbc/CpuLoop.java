package dev.nplusone.bench.jdbc;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * One configuration of {@link StatementBenchmark}, run in a plain loop in this JVM, timed in the
 * benchmark thread's own CPU time: what {@link CpuPerStatement} starts in each child JVM. A shared
 * machine's other processes take the CPU away from a thread but do not add to its CPU time, so
 * these figures move far less with the machine's load than JMH's wall-clock ones.
 *
 * <p>Arguments: the benchmark method's name, seconds of warm-up, windows of one second measured.
 * Prints {@code cpu-ns-per-op: N} and {@code bytes-per-op: N}, the medians over the windows.
 */
public final class CpuLoop {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private CpuLoop() {
    }

    public static void main(String[] args) throws Exception {
        String method = args[0];
        int warmupSeconds = Integer.parseInt(args[1]);
        int windows = Integer.parseInt(args[2]);
        StatementBenchmark bench = new StatementBenchmark();
        StatementBenchmark.Pool pool = new StatementBenchmark.Pool();
        pool.open();
        StatementBenchmark.P6Spied spied = new StatementBenchmark.P6Spied();
        StatementBenchmark.DeepStack deep = new StatementBenchmark.DeepStack();
        StatementBenchmark.OpenScope scope = new StatementBenchmark.OpenScope();
        StatementBenchmark.OpenSpan span = new StatementBenchmark.OpenSpan();
        if (method.equals("p6spy")) {
            spied.open(pool);
        }
        if (method.equals("inScopeEveryStatementWalkedDeep")) {
            deep.build(pool);
        }
        Runnable op = operation(method, bench, pool, spied, deep, scope, span);
        window(op, method, scope, span, warmupSeconds * 1_000_000_000L);
        double[] nanos = new double[windows];
        double[] bytes = new double[windows];
        for (int w = 0; w < windows; w++) {
            double[] r = window(op, method, scope, span, 1_000_000_000L);
            nanos[w] = r[0];
            bytes[w] = r[1];
        }
        System.out.printf("cpu-ns-per-op: %.1f%nbytes-per-op: %.1f%n", median(nanos), median(bytes));
        pool.close();
    }

    /** Runs operations for {@code cpuNanos} of the thread's CPU time, in a scope or span as JMH's iteration would; returns ns and bytes per op. */
    private static double[] window(Runnable op, String method, StatementBenchmark.OpenScope scope, StatementBenchmark.OpenSpan span,
                                   long cpuNanos) {
        boolean inScope = method.startsWith("inScope");
        boolean inSpan = method.equals("inSpan");
        if (inScope) {
            scope.open();
        }
        if (inSpan) {
            span.open();
        }
        long ops = 0;
        long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long cpu;
        do {
            for (int i = 0; i < 256; i++) {
                op.run();
            }
            ops += 256;
            cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        } while (cpu < cpuNanos);
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
        if (inScope) {
            scope.close();
        }
        if (inSpan) {
            span.close();
        }
        return new double[] {(double) cpu / ops, (double) bytes / ops};
    }

    private static Runnable operation(String method, StatementBenchmark bench, StatementBenchmark.Pool pool,
                                      StatementBenchmark.P6Spied spied, StatementBenchmark.DeepStack deep,
                                      StatementBenchmark.OpenScope scope, StatementBenchmark.OpenSpan span) {
        Checked body = switch (method) {
            case "statement" -> () -> bench.statement(pool);
            case "inScope" -> () -> bench.inScope(pool, scope);
            case "datasourceProxy" -> () -> bench.datasourceProxy(pool);
            case "p6spy" -> () -> bench.p6spy(pool, spied);
            case "inSpan" -> () -> bench.inSpan(pool, span);
            case "inScopeEveryStatementWalked" -> () -> bench.inScopeEveryStatementWalked(pool, scope);
            case "inScopeEveryStatementWalkedDeep" -> () -> bench.inScopeEveryStatementWalkedDeep(pool, scope, deep);
            case "scopePerStatement" -> () -> bench.scopePerStatement(pool);
            default -> throw new IllegalArgumentException("no benchmark method " + method);
        };
        return () -> {
            try {
                sink = body.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private interface Checked {
        Object run() throws SQLException;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

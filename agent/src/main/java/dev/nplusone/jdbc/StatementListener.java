package dev.nplusone.jdbc;

import dev.nplusone.failure.Failures;
import dev.nplusone.failure.Faults;
import dev.nplusone.scope.Scopes;
import dev.nplusone.scope.ThreadState;

/**
 * Sees every statement execution: counts it, and hands it to the current thread's scope.
 *
 * <p>This is the hot path. A wrapper calls {@link #starting} before the driver runs a statement and
 * {@link #ended} after it, with what {@code starting} returned: one thread-local lookup per
 * statement. Outside a scope a statement costs that lookup and a counter; inside one, also a cached
 * shape lookup and a call-site fingerprint. A batch is one execution. A statement that passes two
 * of our wrappers (a pool hid the inner one) is recorded by the outer one only. No exception leaves
 * this class: it would reach the application's JDBC call.
 */
public final class StatementListener {

    private final Scopes scopes;
    private final boolean keepParameters;
    /** False once the agent is detached: connections wrapped before then stay wrapped, silent. */
    private volatile boolean recording = true;

    public StatementListener(Scopes scopes, boolean keepParameters) {
        this.scopes = scopes;
        this.keepParameters = keepParameters;
    }

    public void stop() {
        recording = false;
    }

    boolean keepsParameters() {
        return keepParameters;
    }

    /** Before the driver runs {@code statement}: the thread's state, for {@link #ended}; null when not recording. */
    ThreadState starting(StatementProxy statement) {
        if (!recording) {
            return null;
        }
        try {
            Faults.at(Faults.Point.LISTENER_BEFORE);
            ThreadState thread = scopes.thread();
            thread.executionStarts(statement);
            return thread;
        } catch (Throwable failure) {
            Failures.caught("statement listener", failure);
            return null;
        }
    }

    /**
     * After the driver ran {@code statement}, whether it succeeded or threw.
     *
     * @param sql   the statement's SQL (a batch's first), or null for an empty batch
     * @param batch whether it ran the statement's batch
     * @param start {@link System#nanoTime()} before the driver was called
     */
    void ended(ThreadState thread, StatementProxy statement, String sql, boolean batch, long start) {
        if (thread == null) {
            return;
        }
        try {
            Faults.at(Faults.Point.LISTENER_AFTER);
            if (!thread.executionEnds(statement)) {
                return; // an inner wrapper of the same execution
            }
            if (!thread.inScope() || sql == null) {
                scopes.unscoped();
                return;
            }
            long nanos = System.nanoTime() - start;
            long key = batch ? statement.batchKey : statement.key(sql);
            scopes.statement(thread, sql, key, nanos, keepParameters ? parameters(statement, batch) : null);
        } catch (Throwable failure) {
            Failures.caught("statement listener", failure);
        }
    }

    private static String parameters(StatementProxy statement, boolean batch) {
        if (!batch) {
            return statement.parameterText();
        }
        return statement.batchSize > 1 ? statement.batchText + " and " + (statement.batchSize - 1) + " more sets" : statement.batchText;
    }
}

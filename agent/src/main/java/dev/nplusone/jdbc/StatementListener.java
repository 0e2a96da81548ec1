package dev.nplusone.jdbc;

import dev.nplusone.failure.Failures;
import dev.nplusone.failure.Faults;
import dev.nplusone.scope.Scopes;
import dev.nplusone.scope.ThreadState;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

import java.util.List;

/**
 * Sees every statement execution: counts it, and hands it to the current thread's scope.
 *
 * <p>This is the hot path. Outside a scope a statement costs a thread-local lookup and a counter;
 * inside one, also a cached shape lookup and a call-site fingerprint. A batch is one execution. A
 * statement that passes two of our proxies (a pool hid the inner one) is recorded by the outer one
 * only. No exception leaves this class: datasource-proxy would throw it into the application.
 */
public final class StatementListener implements QueryExecutionListener {

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

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (!recording) {
            return;
        }
        try {
            Faults.at(Faults.Point.LISTENER_BEFORE);
            scopes.thread().executionStarts(execution);
        } catch (Throwable failure) {
            Failures.caught("statement listener", failure);
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (!recording) {
            return;
        }
        try {
            Faults.at(Faults.Point.LISTENER_AFTER);
            ThreadState thread = scopes.thread();
            if (!thread.executionEnds(execution)) {
                return; // an inner proxy of the same execution
            }
            if (!thread.inScope() || queries.isEmpty()) {
                scopes.unscoped();
                return;
            }
            scopes.statement(thread, queries.get(0).getQuery(), StatementKeys.of(queries), execution.getElapsedTime(),
                    keepParameters ? ParameterText.of(queries) : null);
        } catch (Throwable failure) {
            Failures.caught("statement listener", failure);
        }
    }
}

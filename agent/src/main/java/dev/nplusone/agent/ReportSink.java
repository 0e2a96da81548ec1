package dev.nplusone.agent;

import dev.nplusone.detect.Finding;
import dev.nplusone.jfr.JfrEvents;
import dev.nplusone.report.LogReport;
import dev.nplusone.report.Registry;
import dev.nplusone.scope.ScopeSink;

import java.util.List;

/** The agent's own outputs as one {@link ScopeSink}: the registry that the reports are written from, the log, and JFR events. */
final class ReportSink implements ScopeSink {

    private final Registry registry;
    private final LogReport log;
    private final boolean logsShapes;
    private final long scopeMemory;
    /** Flight Recorder events; null when the runtime has no Flight Recorder. */
    private final JfrEvents jfr = JfrEvents.ifAvailable();

    /** @param scopeMemory the {@code scope-memory} option, for the log line that says a scope reached it */
    ReportSink(Registry registry, LogReport log, long scopeMemory) {
        this.scopeMemory = scopeMemory;
        this.registry = registry;
        this.log = log;
        this.logsShapes = log.logsStatements();
    }

    @Override
    public void statement(boolean inScope) {
        registry.statement(inScope);
    }

    @Override
    public boolean wantsShapes() {
        return logsShapes;
    }

    @Override
    public void statementShape(List<String> path, String shape, String parameters) {
        log.statement(path, shape, parameters);
    }

    @Override
    public void detailCapped(List<String> path, int statements) {
        if (registry.detailCapped() == 1) {
            log.detailCapped(path, statements, scopeMemory);
        }
    }

    @Override
    public void scopeClosed(String kind, String name, int statements) {
        registry.scopeClosed(kind, name, statements);
        if (jfr != null) {
            jfr.scopeClosed(kind, name, statements);
        }
    }

    @Override
    public void findings(List<Finding> findings) {
        for (Finding finding : findings) {
            registry.add(finding, log::found);
        }
        if (jfr != null) {
            jfr.findings(findings);
        }
    }
}

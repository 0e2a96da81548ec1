package dev.nplusone.report;

import dev.nplusone.detect.Finding;
import dev.nplusone.failure.Faults;
import org.slf4j.Logger;

import java.util.List;

/**
 * The human-readable report: a WARN block the first time a finding is seen, a short line when it
 * is seen again (at the 2nd, 4th, 8th... scope instance, so a busy endpoint does not flood the log),
 * and a summary at JVM exit.
 */
public final class LogReport {

    static final int LOGGED_FRAMES = 8;
    static final int VALUE_COLUMN = "association: ".length();
    static final int SUMMARY_SCOPES = 10;
    static final int SUMMARY_FINDINGS = 20;

    private final Logger findings;
    private final Logger summary;
    private final Logger statements;

    public LogReport(Logger findings, Logger summary, Logger statements) {
        this.findings = findings;
        this.summary = summary;
        this.statements = statements;
    }

    public void found(Finding finding, Registry.Seen seen) {
        Faults.at(Faults.Point.REPORT_LOG);
        if (seen == null || !findings.isWarnEnabled()) {
            return;
        }
        if (seen.occurrences == 1) {
            findings.warn(block(finding));
        } else if (Long.bitCount(seen.occurrences) == 1) {
            FindingStats s = seen.stats;
            findings.warn("{} again in {} (seen in {} scope instances, up to {} executions): {}",
                    title(finding.type()), s.scope(), seen.occurrences, s.maxRepetitions(), s.location());
        }
    }

    static String title(Finding.Type type) {
        switch (type) {
            case N_PLUS_ONE:
                return "N+1 query";
            case BATCHABLE:
                return "Batchable writes";
            default:
                return "Duplicate query";
        }
    }

    static String block(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(title(f.type())).append(" in ").append(String.join(" > ", f.path())).append(": ");
        if (f.type() == Finding.Type.N_PLUS_ONE) {
            sb.append(f.repetitions()).append(" executions of one statement shape from one call site");
        } else if (f.type() == Finding.Type.BATCHABLE) {
            sb.append(f.repetitions()).append(" executions of one write from one call site, one at a time");
        } else {
            sb.append("the same statement with the same parameters ran ").append(f.repetitions()).append(" times");
        }
        line(sb, "shape", f.shape());
        if (f.association() != null) {
            line(sb, "association", f.association().toString());
        }
        if (f.jsonPath() != null) {
            line(sb, "jsonPath", f.jsonPath());
        }
        line(sb, "location", f.location() + ("framework".equals(f.locationKind())
                ? "   <- no application frame on the stack: the framework code that called into the data access" : ""));
        List<String> stack = f.stack();
        for (int i = 0; i < Math.min(stack.size(), LOGGED_FRAMES); i++) {
            line(sb, i == 0 ? "stack" : "", stack.get(i));
        }
        if (stack.size() > LOGGED_FRAMES) {
            line(sb, "", "... " + (stack.size() - LOGGED_FRAMES) + " more frames");
        }
        if (f.trigger() != null && f.type() == Finding.Type.N_PLUS_ONE) {
            line(sb, "after", f.trigger() + "   <- likely loaded the parent rows");
        }
        if (f.parameters() != null) {
            line(sb, "params", f.parameters());
        }
        line(sb, "time", String.format("%.1f ms in the database", f.nanos() / 1e6));
        if (f.hint() != null) {
            line(sb, "hint", f.hint());
        }
        return sb.toString();
    }

    /** Labels and values in two columns; the widest label, {@code association:}, sets the second. */
    private static void line(StringBuilder sb, String label, String value) {
        sb.append(System.lineSeparator()).append("    ");
        sb.append(label.isEmpty() ? "" : label + ":");
        for (int pad = label.isEmpty() ? 0 : label.length() + 1; pad < VALUE_COLUMN; pad++) {
            sb.append(' ');
        }
        sb.append(value);
    }

    /** The first scope whose detail reached its memory budget; the summary counts the others. */
    public void detailCapped(List<String> path, int statements, long limitBytes) {
        if (findings.isWarnEnabled()) {
            findings.warn("scope {} reached its memory budget (scope-memory={} bytes) or a bound on its detail (2,000 shapes;"
                    + " per shape, 32 call sites and 4,096 distinct statements) at its statement {}: it goes on counting"
                    + " statements exactly but keeps no new shapes, call sites or duplicates, so findings among later statements"
                    + " may be missed; raise scope-memory, or open smaller scopes (said once; the summary and the report count"
                    + " every such scope)", String.join(" > ", path), limitBytes, statements);
        }
    }

    /** Whether the statement log ({@code log=statements}) is on. */
    public boolean logsStatements() {
        return statements.isDebugEnabled();
    }

    public void statement(List<String> path, String shape, String parameters) {
        statements.debug("{}: {}{}", String.join(" > ", path), shape, parameters == null ? "" : "  " + parameters);
    }

    /** The exit summary. */
    public void summary(Registry registry, long agentFailures) {
        Faults.at(Faults.Point.REPORT_LOG);
        if (!summary.isInfoEnabled()) {
            return;
        }
        List<ScopeStats> scopes = registry.scopes();
        List<FindingStats> all = registry.findings();
        StringBuilder sb = new StringBuilder();
        sb.append("summary: ").append(Counted.of(registry.statements(), "statement")).append(" (")
                .append(registry.unscoped()).append(" outside any scope) in ")
                .append(Counted.of(registry.scopeInstances(), "scope instance")).append(" of ").append(Counted.of(scopes.size(), "name"))
                .append("; ").append(Counted.of(all.size(), "finding"));
        if (agentFailures > 0) {
            sb.append("; ").append(Counted.of(agentFailures, "agent error")).append(" (caught; the application went on; see the warnings above)");
        }
        if (registry.cappedScopeInstances() > 0) {
            sb.append("; ").append(registry.cappedScopeInstances()).append(" scope instances past their memory budget (scope-memory)");
        }
        if (registry.late() > 0) {
            sb.append("; ").append(registry.late()).append(" statements after their scope closed (late)");
        }
        if (registry.overflow() > 0) {
            sb.append("; ").append(registry.overflow()).append(" scopes or findings beyond the registry's bounds");
        }
        // Scopes that ran no statement (a serialization of values already loaded) tell nothing here.
        List<ScopeStats> busy = scopes.stream().filter(s -> s.max() > 0).collect(java.util.stream.Collectors.toList());
        if (!busy.isEmpty()) {
            sb.append(System.lineSeparator()).append("  scopes with the most statements in one instance:");
            for (ScopeStats s : busy.subList(0, Math.min(SUMMARY_SCOPES, busy.size()))) {
                sb.append(System.lineSeparator()).append(String.format("    %-48s %-13s max %6d  total %8d  instances %6d",
                        s.name(), s.kind(), s.max(), s.total(), s.instances()));
                if (s.late() > 0) {
                    sb.append("  late ").append(s.late());
                }
            }
        }
        if (!all.isEmpty()) {
            sb.append(System.lineSeparator()).append("  findings:");
            for (FindingStats f : all.subList(0, Math.min(SUMMARY_FINDINGS, all.size()))) {
                sb.append(System.lineSeparator()).append(String.format("    %-10s %-40s x%-5d in %d scope instances at %s",
                        f.type(), f.scope(), f.maxRepetitions(), f.occurrences(), f.location()));
                sb.append(System.lineSeparator()).append("               ").append(f.shape());
            }
            if (all.size() > SUMMARY_FINDINGS) {
                sb.append(System.lineSeparator()).append("    ... ").append(all.size() - SUMMARY_FINDINGS).append(" more in the JSON report");
            }
        }
        summary.info(sb.toString());
    }
}

package dev.nplusone.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the agent saw in one closed scope instance: how many statements ran in it, and the N+1 and
 * duplicate queries found in it. Immutable.
 *
 * <p>Findings are detected over the outermost scope of a thread, so that an N+1 spread over many
 * small nested scopes is still one N+1. A scope opened inside another one therefore has its
 * statement count but no findings of its own ({@link #findingsChecked()} is false): its statements
 * are checked, and its findings reported, when the outermost scope closes.
 */
public final class ScopeResult {

    private final String kind;
    private final String name;
    private final boolean recorded;
    private final int statements;
    private final List<Finding> findings; // null: not checked here

    private ScopeResult(String kind, String name, boolean recorded, int statements, List<Finding> findings) {
        this.kind = kind;
        this.name = name;
        this.recorded = recorded;
        this.statements = statements;
        this.findings = findings;
    }

    /** No agent recorded the scope. */
    static ScopeResult unrecorded(String kind, String name) {
        return new ScopeResult(kind, name, false, 0, null);
    }

    /** From the agent's answer; its keys are described at {@code Bridge.closeScopeWithResult}. */
    @SuppressWarnings("unchecked")
    static ScopeResult of(String kind, String name, Map<String, Object> answer) {
        int statements = ((Number) answer.get(ReportFormat.Scope.STATEMENTS)).intValue();
        List<Map<String, Object>> found = (List<Map<String, Object>>) answer.get(ReportFormat.Scope.FINDINGS);
        if (found == null) {
            return new ScopeResult(kind, name, true, statements, null);
        }
        List<Finding> findings = new ArrayList<>(found.size());
        for (Map<String, Object> f : found) {
            findings.add(Finding.of(f));
        }
        return new ScopeResult(kind, name, true, statements, Collections.unmodifiableList(findings));
    }

    /** {@code manual} or {@code test}. */
    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /**
     * True when the agent recorded this scope. False without the agent, when the scope was closed on
     * a thread other than the one that opened it, and when it was not opened because the innermost
     * open scope of its thread had the same kind and name (its statements count in that one).
     */
    public boolean recorded() {
        return recorded;
    }

    /**
     * Statements executed on the scope's thread while it was open, those of scopes nested in it
     * included; 0 when not {@link #recorded()}. Statements of other threads are not counted.
     */
    public int statements() {
        return statements;
    }

    /**
     * True when this scope was the outermost open scope of its thread, so that {@link #findings()}
     * is the whole truth about it; false for a nested scope and when not {@link #recorded()}.
     */
    public boolean findingsChecked() {
        return findings != null;
    }

    /** The findings, N+1 and duplicates; empty when not {@link #findingsChecked()}. */
    public List<Finding> findings() {
        return findings == null ? Collections.<Finding>emptyList() : findings;
    }

    /** The findings of one type. */
    public List<Finding> findings(Finding.Type type) {
        List<Finding> of = new ArrayList<>();
        for (Finding f : findings()) {
            if (f.type() == type) {
                of.add(f);
            }
        }
        return Collections.unmodifiableList(of);
    }

    @Override
    public String toString() {
        if (!recorded) {
            return kind + " scope '" + name + "': not recorded";
        }
        return kind + " scope '" + name + "': " + statements + (statements == 1 ? " statement, " : " statements, ")
                + (findings == null ? "findings checked with the outermost scope" : findings.size() + (findings.size() == 1 ? " finding" : " findings"));
    }
}

package dev.nplusone.gate;

import java.util.List;

/** One threshold broken: a finding that fails, or a scope over its query budget. */
public final class Breach {

    /** A scope instance ran more statements than {@code max-queries} allows. */
    public static final String MAX_QUERIES = "max_queries";

    final String type;
    final String scope;
    final FindingTotal finding; // null for max_queries
    final ScopeTotal scopeTotal; // null for findings
    final long limit;
    final String limitSource;

    private Breach(String type, String scope, FindingTotal finding, ScopeTotal scopeTotal, long limit, String limitSource) {
        this.type = type;
        this.scope = scope;
        this.finding = finding;
        this.scopeTotal = scopeTotal;
        this.limit = limit;
        this.limitSource = limitSource;
    }

    static Breach of(FindingTotal finding) {
        return new Breach(finding.type(), finding.scope(), finding, null, 0, null);
    }

    static Breach of(ScopeTotal scope, long limit, String limitSource) {
        return new Breach(MAX_QUERIES, scope.name(), null, scope, limit, limitSource);
    }

    /** {@code n_plus_one}, {@code duplicate}, {@code batchable} or {@code max_queries}. */
    public String type() {
        return type;
    }

    /** The outermost scope's name for a finding; the scope's own name for a budget. */
    public String scope() {
        return scope;
    }

    /** The finding, or null for a query budget. */
    public FindingTotal finding() {
        return finding;
    }

    /** The scope over budget, or null for a finding. */
    public ScopeTotal scopeTotal() {
        return scopeTotal;
    }

    public long limit() {
        return limit;
    }

    public String limitSource() {
        return limitSource;
    }

    /** What a baseline remembers: a finding's {@link FindingTotal#identity()}; type and scope for a query budget. */
    List<String> identity() {
        return finding == null ? List.of(type, scope) : finding.identity();
    }

    /** {@code com.acme.Mapper.toDto(Mapper.java:42)} without {@code (Mapper.java:42)}. */
    static String method(String location) {
        int paren = location.indexOf('(');
        return paren < 0 ? location : location.substring(0, paren);
    }

    /** One line: what broke, where. */
    public String headline() {
        if (finding == null) {
            return "max-queries in " + scope + ": " + scopeTotal.maxStatements() + " statements in one scope instance, "
                    + limitSource + " allows " + limit;
        }
        return headline(finding);
    }

    /** A finding in one line, as a breach's headline reads, whether or not it breaches. */
    static String headline(FindingTotal f) {
        return what(f.type()) + " in " + String.join(" > ", f.path()) + ": " + f.repetitions() + " executions in one scope instance"
                + " at " + f.location();
    }

    /** A type as prose says it: {@code N+1}, {@code duplicate}, {@code batchable writes}, {@code max-queries}. */
    public static String what(String type) {
        switch (type) {
            case "n_plus_one":
                return "N+1";
            case "batchable":
                return "batchable writes";
            case MAX_QUERIES:
                return "max-queries";
            default:
                return type; // duplicate, and types of agents newer than this check
        }
    }
}

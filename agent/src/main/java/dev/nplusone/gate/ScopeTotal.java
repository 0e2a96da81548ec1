package dev.nplusone.gate;

/** One scope name over every report read: its instances and statement counts. */
public final class ScopeTotal {

    final String kind;
    final String name;
    long instances;
    long statements;
    long maxStatements;

    ScopeTotal(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    void add(long instances, long statements, long max) {
        this.instances += instances;
        this.statements += statements;
        this.maxStatements = Math.max(this.maxStatements, max);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public long instances() {
        return instances;
    }

    /** Statements over every instance, in every report. */
    public long statements() {
        return statements;
    }

    /** The most statements seen in one instance, in any report. */
    public long maxStatements() {
        return maxStatements;
    }
}

package dev.nplusone.report;

/** All instances of one scope name, across the JVM. */
public final class ScopeStats {

    private final String kind;
    private final String name;
    private long instances;
    private long total;
    private int max;
    private long late;

    ScopeStats(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    synchronized void closed(int statements) {
        instances++;
        total += statements;
        max = Math.max(max, statements);
    }

    synchronized void lateStatement() {
        late++;
    }

    /** Statements that reached instances of this scope after they closed. */
    public synchronized long late() {
        return late;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public synchronized long instances() {
        return instances;
    }

    public synchronized long total() {
        return total;
    }

    public synchronized int max() {
        return max;
    }
}

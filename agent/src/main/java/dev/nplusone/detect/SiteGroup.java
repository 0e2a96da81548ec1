package dev.nplusone.detect;

/** The executions of one shape from one call site in one scope instance. Confined to the scope's thread. */
final class SiteGroup {
    final long fingerprint;
    final long firstStatement;
    final ScopePath path;
    int executions;
    boolean differing;
    long nanos;
    CallStack stack; // taken on the first repeat
    Attribution attribution = Attribution.NONE; // likewise
    String parameters;

    SiteGroup(long fingerprint, long firstStatement, ScopePath path) {
        this.fingerprint = fingerprint;
        this.firstStatement = firstStatement;
        this.path = path;
    }

    void record(long statementKey, long time, String values) {
        executions++;
        nanos += time;
        differing |= statementKey != firstStatement;
        if (values != null) {
            parameters = values;
        }
    }

    CallStack stackOrEmpty() {
        return stack == null ? CallStack.NONE : stack;
    }

    boolean isNPlusOne(int threshold) {
        return executions >= threshold && differing;
    }
}

package dev.nplusone.scope;

import dev.nplusone.detect.Finding;

import java.util.List;

/**
 * Where {@link Scopes} sends what it sees: the agent's registry and log today, any later output
 * (an HTML or JFR recorder, an exporter) tomorrow, each a sink of its own, given by the agent.
 * Called on the application's threads: implementations are thread-safe, quick and never throw.
 */
public interface ScopeSink {

    /** One statement executed, in a scope or outside any; on the per-statement path, so it must cost no more than a counter. */
    void statement(boolean inScope);

    /** Whether {@link #statementShape} is wanted; asked per statement in a scope, so a field read. */
    boolean wantsShapes();

    /** A statement in a scope, by shape, for a statement log; parameters only when the user asked for them. */
    void statementShape(List<String> path, String shape, String parameters);

    /**
     * An outermost scope instance's detail reached its memory budget, at its {@code statements}-th
     * statement: it goes on counting, but findings among later statements may be missed. Once per instance.
     */
    void detailCapped(List<String> path, int statements);

    /** A scope instance closed; {@code statements} counts those of scopes nested in it. */
    void scopeClosed(String kind, String name, int statements);

    /**
     * A statement reached a scope instance after it closed: a task or thread it handed work to ran on
     * (see {@code docs/threads.md}). Counted apart from the instance's statements, never lost.
     */
    default void late(String kind, String name) {
    }

    /** The findings of an outermost scope instance, as it closes (after its {@link #scopeClosed}). */
    void findings(List<Finding> findings);
}

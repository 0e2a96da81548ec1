package dev.nplusone.scope;

import dev.nplusone.detect.Finding;
import dev.nplusone.detect.ScopePath;
import dev.nplusone.detect.ScopeStatements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One open scope instance. The outermost frame ({@link #root}) owns the {@link ScopeStatements}
 * that detection reads; nested frames (a serialization inside a request) only count, and give
 * findings their path.
 *
 * <p>A frame belongs to the thread that opened it until a task or thread takes it along (a
 * {@link Handoff}): from then on its root is {@link #shared} and every count, statement and close
 * of its frames is made holding the root's lock. Once closed, a frame keeps counting the statements
 * that still reach it as late, and the root lets its detail go.
 */
final class Frame implements ScopePath {

    final Kind kind;
    final Frame parent;
    final Frame root;
    private ScopeStatements statements; // the root's only; null once it closed
    private String name;
    int count;
    /** Set on the root by its own thread before any other thread can reach it, and never reset. */
    volatile boolean shared;
    /** Written under the root's lock once shared, only by the opening thread before; read by resume without it. */
    volatile boolean closed;
    /** A root that {@link Scopes#suspend} took off its thread, to be ended from whichever thread ends it. */
    volatile boolean suspended;

    Frame(Kind kind, String name, Frame parent, ScopeStatements rootStatements) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.root = parent == null ? this : parent.root;
        this.statements = parent == null ? rootStatements : null;
    }

    /** The detail of the scope instance, or null once its root closed. */
    ScopeStatements statements() {
        return root.statements;
    }

    /** The root's findings, once, as it closes; its detail goes with it. */
    List<Finding> release() {
        List<Finding> findings = statements.findings();
        statements = null;
        return findings;
    }

    String name() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

    boolean isOutermost() {
        return parent == null;
    }

    boolean within(Kind k) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.kind == k) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(3);
        for (Frame f = this; f != null; f = f.parent) {
            names.add(f.name);
        }
        Collections.reverse(names);
        return names;
    }
}

package dev.nplusone.scope;

import dev.nplusone.detect.ScopePath;
import dev.nplusone.detect.ScopeStatements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One open scope on one thread. The outermost frame of a thread owns the {@link ScopeStatements}
 * that detection reads; nested frames (a serialization inside a request) only count, and give
 * findings their path.
 */
final class Frame implements ScopePath {

    final Kind kind;
    final Frame parent;
    final ScopeStatements statements; // the outermost frame's, shared by the frames nested in it
    private String name;
    int count;

    Frame(Kind kind, String name, Frame parent, ScopeStatements rootStatements) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.statements = parent == null ? rootStatements : parent.statements;
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

package dev.nplusone.scope;

import dev.nplusone.detect.Finding;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it is sent, for tests of what scopes report. */
public final class RecordingSink implements ScopeSink {

    public int inScope;
    public int outside;
    public final List<String> closed = new ArrayList<>();
    public final List<Finding> findings = new ArrayList<>();
    public final List<String> shapes = new ArrayList<>();
    public final List<String> capped = new ArrayList<>();
    public final List<String> late = new ArrayList<>();
    private final boolean wantsShapes;

    public RecordingSink(boolean wantsShapes) {
        this.wantsShapes = wantsShapes;
    }

    @Override
    public void statement(boolean scoped) {
        if (scoped) {
            inScope++;
        } else {
            outside++;
        }
    }

    @Override
    public boolean wantsShapes() {
        return wantsShapes;
    }

    @Override
    public void statementShape(List<String> path, String shape, String parameters) {
        shapes.add(String.join(" > ", path) + ": " + shape);
    }

    @Override
    public void detailCapped(List<String> path, int statements) {
        capped.add(String.join(" > ", path) + " at " + statements);
    }

    @Override
    public void scopeClosed(String kind, String name, int statements) {
        closed.add(kind + " " + name + " " + statements);
    }

    @Override
    public void late(String kind, String name) {
        late.add(kind + " " + name);
    }

    @Override
    public void findings(List<Finding> found) {
        findings.addAll(found);
    }
}

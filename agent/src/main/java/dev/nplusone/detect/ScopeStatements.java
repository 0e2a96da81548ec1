package dev.nplusone.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one outermost scope instance saw, grouped for the two rules: by shape, then by call
 * site (for N+1) and by identical statement (for duplicates).
 *
 * <p>Confined to the thread that runs the scope, so nothing here locks. Bounded whatever the scope
 * runs: past {@link #MAX_SHAPES} shapes, {@link #MAX_SITES} call sites per shape or
 * {@link #MAX_DISTINCT} distinct statements per shape, further ones are counted but not grouped.
 */
public final class ScopeStatements {

    static final int MAX_SHAPES = 2_000;
    static final int MAX_SITES = 32;
    static final int MAX_DISTINCT = 4_096;

    private final CallSites callSites;
    private final Map<String, ShapeGroup> shapes = new HashMap<>();
    private String lastShape;
    private int statements;
    private int ungrouped;

    public ScopeStatements(CallSites callSites) {
        this.callSites = callSites;
    }

    /**
     * Records one execution.
     *
     * @param shape       the statement's shape (canonical instance)
     * @param statementKey a hash of the SQL text and its parameter values: equal for identical statements
     * @param site        the call-site fingerprint
     * @param nanos       time spent in the driver
     * @param parameters  printable parameter values, or null when they must not be kept
     */
    public void add(String shape, long statementKey, long site, ScopePath path, long nanos, String parameters) {
        statements++;
        ShapeGroup group = shapes.get(shape);
        if (group == null) {
            if (shapes.size() >= MAX_SHAPES) {
                ungrouped++;
                lastShape = shape;
                return;
            }
            group = new ShapeGroup(shape, lastShape);
            shapes.put(shape, group);
        }
        lastShape = shape;
        group.executions++;

        SiteGroup at = group.site(site, statementKey, path);
        if (at == null) {
            ungrouped++;
            return;
        }
        at.executions++;
        at.nanos += nanos;
        if (statementKey != at.firstStatement) {
            at.differing = true;
        }
        if (at.executions == 2) {
            at.stack = callSites.stack(site); // a repeat: now the readable stack is worth taking
        }
        if (parameters != null) {
            at.parameters = parameters;
        }

        int identical = group.identical.increment(statementKey);
        if (identical == 2) {
            if (at.stack == null) {
                at.stack = callSites.stack(site);
            }
            group.duplicates.add(new Duplicate(statementKey, at, parameters));
        }
    }

    public int statements() {
        return statements;
    }

    /** Statements past the bounds, counted but not grouped. */
    public int ungrouped() {
        return ungrouped;
    }

    /** Applies the two rules; see {@code docs/detection.md}. */
    public List<Finding> findings(int threshold) {
        List<Finding> findings = new ArrayList<>();
        for (ShapeGroup group : shapes.values()) {
            for (SiteGroup site : group.sites) {
                if (site.executions >= threshold && site.differing) {
                    findings.add(new Finding(Finding.Type.N_PLUS_ONE, site.path.names(), group.shape, site.executions,
                            site.stackOrEmpty(), group.trigger, site.nanos, site.parameters));
                }
            }
            for (Duplicate duplicate : group.duplicates) {
                findings.add(new Finding(Finding.Type.DUPLICATE, duplicate.site.path.names(), group.shape,
                        group.identical.get(duplicate.statementKey), duplicate.site.stackOrEmpty(), group.trigger,
                        duplicate.site.nanos, duplicate.parameters));
            }
        }
        return findings;
    }

    private static final class ShapeGroup {
        final String shape;
        final String trigger;
        final List<SiteGroup> sites = new ArrayList<>(2);
        final LongCounts identical = new LongCounts(MAX_DISTINCT);
        final List<Duplicate> duplicates = new ArrayList<>(0);
        int executions;

        ShapeGroup(String shape, String previousShape) {
            this.shape = shape;
            this.trigger = shape.equals(previousShape) ? null : previousShape;
        }

        SiteGroup site(long fingerprint, long statementKey, ScopePath path) {
            for (int i = 0; i < sites.size(); i++) {
                SiteGroup s = sites.get(i);
                if (s.fingerprint == fingerprint) {
                    return s;
                }
            }
            if (sites.size() >= MAX_SITES) {
                return null;
            }
            SiteGroup s = new SiteGroup(fingerprint, statementKey, path);
            sites.add(s);
            return s;
        }
    }

    private static final class SiteGroup {
        final long fingerprint;
        final long firstStatement;
        final ScopePath path;
        int executions;
        boolean differing;
        long nanos;
        List<String> stack; // taken on the first repeat
        String parameters;

        SiteGroup(long fingerprint, long firstStatement, ScopePath path) {
            this.fingerprint = fingerprint;
            this.firstStatement = firstStatement;
            this.path = path;
        }

        List<String> stackOrEmpty() {
            return stack == null ? List.of() : stack;
        }
    }

    private static final class Duplicate {
        final long statementKey;
        final SiteGroup site;
        final String parameters;

        Duplicate(long statementKey, SiteGroup site, String parameters) {
            this.statementKey = statementKey;
            this.site = site;
            this.parameters = parameters;
        }
    }
}

package dev.nplusone.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Everything one outermost scope instance saw, grouped for the two rules: by shape, then by call
 * site (for N+1) and by identical statement (for duplicates).
 *
 * <p>The call site of a shape's first execution in the scope is not looked up: it joins the first
 * call site that repeats the shape (a loop's first iteration joins the loop). A shape run once
 * costs no stack walk at all, and most shapes run once per scope.
 *
 * <p>Confined to the thread that runs the scope, so nothing here locks. Bounded whatever the scope
 * runs: past {@link #MAX_SHAPES} shapes, {@link #MAX_SITES} call sites per shape or
 * {@link #MAX_DISTINCT} distinct statements per shape, further ones are counted but not grouped.
 */
public final class ScopeStatements {

    static final int MAX_SHAPES = 2_000;
    static final int MAX_SITES = 32;
    static final int MAX_DISTINCT = 4_096;
    static final int STEADY = 8;
    static final int VERIFY_EVERY = 16;

    private final CallSites callSites;
    private final LongSupplier walk;
    private final int threshold;
    private final int absorbAt;
    private final Map<String, ShapeGroup> shapes = new HashMap<>();
    private String lastShape;
    private int statements;
    private int ungrouped;

    /**
     * @param threshold the N+1 threshold: with 2, the first execution of a shape joins the first
     *                  call site that runs it again; with more, the first call site that runs it twice
     */
    public ScopeStatements(CallSites callSites, int threshold) {
        this.threshold = threshold;
        this.absorbAt = Math.min(2, threshold - 1);
        this.callSites = callSites;
        this.walk = callSites::fingerprint;
    }

    /**
     * Records one execution.
     *
     * @param shape        the statement's shape (canonical instance)
     * @param statementKey a hash of the SQL text and its parameter values: equal for identical statements
     * @param path         the scope it ran in
     * @param nanos        time spent in the driver
     * @param parameters   printable parameter values, or null when they must not be kept
     */
    public void add(String shape, long statementKey, ScopePath path, long nanos, String parameters) {
        add(shape, statementKey, walk, path, nanos, parameters);
    }

    void add(String shape, long statementKey, LongSupplier site, ScopePath path, long nanos, String parameters) {
        statements++;
        ShapeGroup group = shapes.get(shape);
        if (group == null) {
            if (shapes.size() >= MAX_SHAPES) {
                ungrouped++;
                lastShape = shape;
                return;
            }
            // The first execution of a shape is not walked: most shapes run once per scope, and a
            // stack walk costs microseconds. It waits to join the call site that repeats first.
            group = new ShapeGroup(shape, lastShape, statementKey, path, nanos, parameters);
            shapes.put(shape, group);
            lastShape = shape;
            group.identical.increment(statementKey);
            return;
        }
        lastShape = shape;
        SiteGroup at = group.steady() ? group.lastSite : group.walked(site.getAsLong(), statementKey, path);
        if (at == null) {
            ungrouped++;
            return;
        }
        at.record(statementKey, nanos, parameters);
        if (at.executions == absorbAt && group.pending != null) {
            at.absorb(group.pending);
            group.pending = null;
        }
        if (at.stack == null && at.executions >= 2) {
            at.stack = callSites.stack(at.fingerprint); // a repeat: now the readable stack is worth taking
        }
        if (group.identical.increment(statementKey) == 2) {
            if (at.stack == null) {
                at.stack = callSites.stack(at.fingerprint);
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
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (ShapeGroup group : shapes.values()) {
            for (SiteGroup site : group.sites) {
                if (site.executions >= threshold && site.differing) { // see docs/detection.md
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
        /** The first execution, until a call site repeats and takes it. */
        SiteGroup pending;
        /** The call site of the last walked execution, and how many walks in a row found it. */
        SiteGroup lastSite;
        int streak;
        int sinceWalk;

        ShapeGroup(String shape, String previousShape, long statementKey, ScopePath path, long nanos, String parameters) {
            this.shape = shape;
            this.trigger = shape.equals(previousShape) ? null : previousShape;
            this.pending = new SiteGroup(0, statementKey, path);
            this.pending.record(statementKey, nanos, parameters);
        }

        /**
         * A loop that has run from one call site {@link #STEADY} times in a row is trusted to go on:
         * only every {@link #VERIFY_EVERY}th execution is walked, and one walk that lands elsewhere
         * ends the trust. This keeps a long loop's cost per statement close to a counter's.
         */
        boolean steady() {
            return streak >= STEADY && (++sinceWalk & (VERIFY_EVERY - 1)) != 0;
        }

        SiteGroup walked(long fingerprint, long statementKey, ScopePath path) {
            SiteGroup at = site(fingerprint, statementKey, path);
            streak = at != null && at == lastSite ? streak + 1 : 1;
            lastSite = at;
            sinceWalk = 0;
            return at;
        }

        private SiteGroup site(long fingerprint, long statementKey, ScopePath path) {
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

        void record(long statementKey, long time, String values) {
            executions++;
            nanos += time;
            differing |= statementKey != firstStatement;
            if (values != null) {
                parameters = values;
            }
        }

        void absorb(SiteGroup first) {
            executions += first.executions;
            nanos += first.nanos;
            differing |= first.firstStatement != firstStatement;
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

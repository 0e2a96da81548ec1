package dev.nplusone.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

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
    /** Walks in a row from one call site after which a loop is trusted to go on (see ShapeGroup). */
    static final int STEADY = 32;
    /** In a trusted loop, one execution in this many is still walked. A power of two. */
    static final int VERIFY_EVERY = 8;

    private final CallSites callSites;
    private final LongSupplier walk;
    private final int threshold;
    private final Map<String, ShapeGroup> shapes = new HashMap<>();
    private String lastShape;
    private int statements;
    private int ungrouped;

    public ScopeStatements(CallSites callSites, int threshold) {
        this.callSites = callSites;
        this.walk = callSites::fingerprint;
        this.threshold = threshold;
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
            group = new ShapeGroup(shape, lastShape);
            shapes.put(shape, group);
        }
        lastShape = shape;
        SiteGroup at = group.steady() ? group.lastSite : group.walked(site.getAsLong(), statementKey, path);
        if (at == null) {
            ungrouped++;
            return;
        }
        at.record(statementKey, nanos, parameters);
        if (at.stack == null && at.executions == 2) {
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

    /**
     * Applies the two rules (see {@code docs/detection.md}). Call sites that share a location (a
     * helper's loop, called from two places) make one finding: reports name locations, not stacks.
     */
    public List<Finding> findings() {
        Map<String, Finding> byLocation = new LinkedHashMap<>();
        for (ShapeGroup group : shapes.values()) {
            for (SiteGroup site : group.sites) {
                if (site.executions >= threshold && site.differing) {
                    merge(byLocation, new Finding(Finding.Type.N_PLUS_ONE, site.path.names(), group.shape, site.executions,
                            site.stackOrEmpty(), group.trigger, site.nanos, site.parameters));
                }
            }
            for (Duplicate duplicate : group.duplicates) {
                merge(byLocation, new Finding(Finding.Type.DUPLICATE, duplicate.site.path.names(), group.shape,
                        group.identical.get(duplicate.statementKey), duplicate.site.stackOrEmpty(), group.trigger,
                        duplicate.site.nanos, duplicate.parameters));
            }
        }
        return new ArrayList<>(byLocation.values());
    }

    private static void merge(Map<String, Finding> findings, Finding finding) {
        String key = finding.type() + " " + finding.location() + " " + finding.shape();
        Finding same = findings.get(key);
        findings.put(key, same == null ? finding : same.plus(finding));
    }

    private static final class ShapeGroup {
        final String shape;
        final String trigger;
        final List<SiteGroup> sites = new ArrayList<>(2);
        final LongCounts identical = new LongCounts(MAX_DISTINCT);
        final List<Duplicate> duplicates = new ArrayList<>(0);
        /** The call site of the last walked execution, and how many walks in a row found it. */
        SiteGroup lastSite;
        int streak;
        int sinceWalk;

        ShapeGroup(String shape, String previousShape) {
            this.shape = shape;
            this.trigger = shape.equals(previousShape) ? null : previousShape;
        }

        /**
         * A loop that has run from one call site {@link #STEADY} times in a row is trusted to go on:
         * only every {@link #VERIFY_EVERY}th execution is walked, and one walk that lands elsewhere
         * ends the trust. A long loop's cost per statement so stays close to a counter's.
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

package dev.nplusone.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Everything one outermost scope instance saw, grouped for the two rules: by shape, then by call
 * site (for N+1) and by identical statement (for duplicates). When the scope closes, each finding
 * gets its trigger (the query that loaded the parent rows) and a hint.
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
    static final int STEADY = 16;
    /** In a trusted loop, one execution in this many is still walked. A power of two. */
    static final int VERIFY_EVERY = 16;
    /** Distinct shapes remembered before each new one, to look for its trigger in. A power of two. */
    static final int RECENT = 16;
    /** Lazy loads followed back from a finding to the query at their root, for its hint. */
    static final int MAX_CHAIN = 4;

    private final CallSites callSites;
    private final Attributor attributor;
    private final LongSupplier walk;
    private final int threshold;
    private final Map<String, ShapeGroup> shapes = new HashMap<>();
    /** The last {@link #RECENT} distinct shapes in a row, in a ring; the newest at recentCount - 1. */
    private final String[] recent = new String[RECENT];
    private int recentCount;
    private int statements;
    private int ungrouped;

    public ScopeStatements(CallSites callSites, int threshold) {
        this(callSites, threshold, Attributor.NONE);
    }

    public ScopeStatements(CallSites callSites, int threshold, Attributor attributor) {
        this.callSites = callSites;
        this.attributor = attributor;
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
                remember(shape);
                return;
            }
            group = new ShapeGroup(shape, recentShapes(), attributor.lazyLoad());
            shapes.put(shape, group);
        }
        remember(shape);
        SiteGroup at = group.steady() ? group.lastSite : group.walked(site.getAsLong(), statementKey, path);
        if (at == null) {
            ungrouped++;
            return;
        }
        at.record(statementKey, nanos, parameters);
        if (at.stack == null && at.executions == 2) {
            describe(at); // a repeat: now the readable stack is worth taking
        }
        // A write run twice with the same values did its work twice: not a question asked twice.
        if (group.kind != StatementKind.WRITE && group.identical.increment(statementKey) == 2) {
            if (at.stack == null) {
                describe(at);
            }
            group.duplicates.add(new Duplicate(statementKey, at, parameters));
        }
    }

    // Runs while the repeated statement is still executing: the lazy load and the JSON being written are its own.
    private void describe(SiteGroup at) {
        at.stack = callSites.stack(at.fingerprint);
        at.attribution = attributor.attribute();
    }

    private void remember(String shape) {
        if (recentCount == 0 || !shape.equals(recent[(recentCount - 1) & (RECENT - 1)])) {
            recent[recentCount++ & (RECENT - 1)] = shape;
        }
    }

    /** The distinct shapes executed so far, newest first, at most {@link #RECENT}. */
    private String[] recentShapes() {
        String[] shapes = new String[Math.min(recentCount, RECENT)];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = recent[(recentCount - 1 - i) & (RECENT - 1)];
        }
        return shapes;
    }

    public int statements() {
        return statements;
    }

    /** Statements past the bounds, counted but not grouped. */
    public int ungrouped() {
        return ungrouped;
    }

    /**
     * Applies the three rules (see {@code docs/detection.md}): a query repeated from one call site
     * with differing values is an N+1; a write repeated from one call site is batchable; one statement
     * run twice with the same values, a duplicate. Call sites that share a location (a
     * helper's loop, called from two places) make one finding: reports name locations, not stacks.
     */
    public List<Finding> findings() {
        Map<String, Finding> byLocation = new LinkedHashMap<>();
        for (ShapeGroup group : shapes.values()) {
            for (SiteGroup site : group.sites) {
                if (group.kind == StatementKind.WRITE) {
                    if (site.executions >= threshold) {
                        merge(byLocation, new Finding(Finding.Type.BATCHABLE, site.path.names(), group.shape, site.executions,
                                site.stackOrEmpty(), null, site.nanos, site.parameters, site.attribution,
                                Hints.batchable(group.shape)));
                    }
                } else if (site.isNPlusOne(threshold)) {
                    Association association = site.attribution.association();
                    Parents parents = parents(group, association);
                    merge(byLocation, new Finding(Finding.Type.N_PLUS_ONE, site.path.names(), group.shape, site.executions,
                            site.stackOrEmpty(), parents.trigger, site.nanos, site.parameters, site.attribution,
                            Hints.nPlusOne(group.shape, association, parents.fetchFrom, parents.fetchPath)));
                }
            }
            for (Duplicate duplicate : group.duplicates) {
                SiteGroup site = duplicate.site;
                merge(byLocation, new Finding(Finding.Type.DUPLICATE, site.path.names(), group.shape,
                        group.identical.get(duplicate.statementKey), site.stackOrEmpty(),
                        parents(group, site.attribution.association()).trigger, site.nanos, duplicate.parameters,
                        site.attribution, Hints.duplicate()));
            }
        }
        return new ArrayList<>(byLocation.values());
    }

    /**
     * The trigger of a group's findings, and where its association is best fetched from: following
     * the lazy loads that brought its owners back to the query at their root (organizations loaded
     * their attendees lazily, whose events load one by one: fetch {@code attendees.events} with the
     * organizations).
     */
    private Parents parents(ShapeGroup group, Association association) {
        Choice trigger = trigger(group, association);
        String fetchFrom = association == null ? null : association.owner();
        String fetchPath = association == null ? null : association.property();
        Choice link = trigger;
        for (int depth = 0; fetchFrom != null && link != null && link.via != null && depth < MAX_CHAIN; depth++) {
            Association via = link.via;
            if (via.owner() == null) {
                break;
            }
            fetchPath = via.property() + "." + fetchPath;
            fetchFrom = via.owner();
            link = trigger(link.group, via);
        }
        return new Parents(trigger == null ? null : trigger.shape, fetchFrom, fetchPath);
    }

    /**
     * The statement that loaded the parent rows of a group: the last distinct shape before its first
     * execution, passing over what cannot have loaded them. For a lazy association those are lazy
     * loads of other associations and other loops over the same parents (a query per parent, as the
     * association is loaded per parent); without an association, only other lazy loads repeated per
     * parent, since a plain loop may well run inside another plain loop that loaded its parents.
     */
    private Choice trigger(ShapeGroup group, Association association) {
        for (String shape : group.before) {
            ShapeGroup candidate = shapes.get(shape);
            if (candidate == null) {
                if (StatementKind.of(shape) != StatementKind.QUERY) {
                    continue;
                }
                return new Choice(shape, null, null); // past the bounds: nothing known about it
            }
            if (candidate.kind != StatementKind.QUERY) {
                continue; // only a query returns parent rows: never a write, DDL or a call
            }
            if (candidate.lazyLoad != null) {
                Association loaded = candidate.association(attributor);
                if (association != null && loaded != null && association.holdersLoadedBy(loaded)) {
                    return new Choice(shape, loaded, candidate);
                }
                if (association != null || candidate.isNPlusOne(threshold)) {
                    continue;
                }
                return new Choice(shape, null, candidate);
            }
            if (association != null && candidate.isNPlusOne(threshold)) {
                continue;
            }
            return new Choice(shape, null, candidate);
        }
        return null;
    }

    private static void merge(Map<String, Finding> findings, Finding finding) {
        String key = finding.type() + " " + finding.location() + " " + finding.shape();
        Finding same = findings.get(key);
        findings.put(key, same == null ? finding : same.plus(finding));
    }

    private static final class ShapeGroup {
        final String shape;
        final StatementKind kind;
        /** The distinct shapes executed before this one first ran, newest first. */
        final String[] before;
        /** The lazy load that ran its first execution (an ORM collection or proxy), or null. */
        final Object lazyLoad;
        final List<SiteGroup> sites = new ArrayList<>(2);
        final LongCounts identical = new LongCounts(MAX_DISTINCT);
        final List<Duplicate> duplicates = new ArrayList<>(0);
        /** The call site of the last walked execution, and how many walks in a row found it. */
        SiteGroup lastSite;
        int streak;
        int sinceWalk;
        private Association loaded;
        private boolean resolved;

        ShapeGroup(String shape, String[] before, Object lazyLoad) {
            this.shape = shape;
            this.kind = StatementKind.of(shape);
            this.before = before;
            this.lazyLoad = lazyLoad;
        }

        boolean isNPlusOne(int threshold) {
            for (int i = 0; i < sites.size(); i++) {
                if (sites.get(i).isNPlusOne(threshold)) {
                    return true;
                }
            }
            return false;
        }

        /** What its lazy load loaded: from a repeated execution when there was one, else asked once. */
        Association association(Attributor attributor) {
            if (!resolved) {
                for (int i = 0; i < sites.size() && loaded == null; i++) {
                    loaded = sites.get(i).attribution.association();
                }
                if (loaded == null) {
                    loaded = attributor.association(lazyLoad);
                }
                resolved = true;
            }
            return loaded;
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

    /** A trigger: its shape, and the association whose lazy load ran it when that loaded the parents. */
    private static final class Choice {
        final String shape;
        final Association via;
        final ShapeGroup group;

        Choice(String shape, Association via, ShapeGroup group) {
            this.shape = shape;
            this.via = via;
            this.group = group;
        }
    }

    private static final class Parents {
        final String trigger;
        final String fetchFrom;
        final String fetchPath;

        Parents(String trigger, String fetchFrom, String fetchPath) {
            this.trigger = trigger;
            this.fetchFrom = fetchFrom;
            this.fetchPath = fetchPath;
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

package dev.nplusone.detect;

import dev.nplusone.orm.Association;

import java.util.ArrayList;
import java.util.List;

/**
 * The executions of one statement shape in one scope instance: by call site (for N+1 and batchable
 * writes) and by identical statement (for duplicates), with the sampling that keeps a long loop
 * cheap. Confined to the scope's thread.
 */
final class ShapeGroup {
    final String shape;
    final StatementKind kind;
    /** The distinct shapes executed before this one first ran, newest first. */
    final String[] before;
    /** The lazy load that ran its first execution (an ORM collection or proxy), or null. */
    final Object lazyLoad;
    final List<SiteGroup> sites = new ArrayList<>(2);
    final LongCounts identical;
    private final MemoryBudget budget;
    final List<Duplicate> duplicates = new ArrayList<>(0);
    /** The call site of the last walked execution, and how many walks in a row found it. */
    SiteGroup lastSite;
    int streak;
    int sinceWalk;
    private Association loaded;
    private boolean resolved;

    ShapeGroup(String shape, String[] before, Object lazyLoad, MemoryBudget budget) {
        this.budget = budget;
        this.identical = new LongCounts(ScopeStatements.MAX_DISTINCT, budget);
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
     * A loop that has run from one call site {@link ScopeStatements#STEADY} times in a row is trusted to go on:
     * only every {@link ScopeStatements#VERIFY_EVERY}th execution is walked, and one walk that lands elsewhere
     * ends the trust. A long loop's cost per statement so stays close to a counter's.
     */
    boolean steady() {
        return streak >= ScopeStatements.STEADY && (++sinceWalk & (ScopeStatements.VERIFY_EVERY - 1)) != 0;
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
        if (sites.size() >= ScopeStatements.MAX_SITES ? budget.refuse() : !budget.take(MemoryBudget.SITE)) {
            return null;
        }
        SiteGroup s = new SiteGroup(fingerprint, statementKey, path);
        sites.add(s);
        return s;
    }

    /** A statement run again with the same values: the site that ran it the second time. */
    static final class Duplicate {
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

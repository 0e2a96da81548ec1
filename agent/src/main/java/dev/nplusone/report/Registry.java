package dev.nplusone.report;

import dev.nplusone.detect.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the JVM has seen so far: statement totals, every scope name with its counts, every finding
 * aggregated. The one place threads share; written at scope close, read by the reports.
 *
 * <p>Bounded: past {@link #MAX_SCOPE_NAMES} scope names or {@link #MAX_FINDINGS} findings, further
 * ones are counted in {@link #overflow()} rather than kept.
 */
public final class Registry {

    static final int MAX_SCOPE_NAMES = 5_000;
    static final int MAX_FINDINGS = 5_000;

    private final LongAdder statements = new LongAdder();
    private final LongAdder unscoped = new LongAdder();
    private final LongAdder instances = new LongAdder();
    private final LongAdder overflow = new LongAdder();
    private final java.util.concurrent.atomic.AtomicLong capped = new java.util.concurrent.atomic.AtomicLong();
    private final ConcurrentHashMap<String, ScopeStats> scopes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, FindingStats> findings = new ConcurrentHashMap<>();
    private volatile boolean holdsParameters;

    public void statement(boolean inScope) {
        statements.increment();
        if (!inScope) {
            unscoped.increment();
        }
    }

    public void scopeClosed(String kind, String name, int statementCount) {
        instances.increment();
        String key = kind + ' ' + name;
        ScopeStats stats = scopes.get(key);
        if (stats == null) {
            if (scopes.size() >= MAX_SCOPE_NAMES) {
                overflow.increment();
                return;
            }
            stats = scopes.computeIfAbsent(key, k -> new ScopeStats(kind, name));
        }
        stats.closed(statementCount);
    }

    /** Adds a finding; returns its aggregate, or null when the registry is full. */
    public Seen add(Finding finding) {
        return add(finding, (f, seen) -> { });
    }

    /**
     * Adds a finding and tells {@code then} while still holding the aggregate, so that a finding's
     * first log block always comes before the lines that say it was seen again.
     */
    public Seen add(Finding finding, java.util.function.BiConsumer<Finding, Seen> then) {
        Key key = new Key(finding);
        if (finding.parameters() != null) {
            holdsParameters = true;
        }
        FindingStats stats = findings.get(key);
        if (stats == null) {
            if (findings.size() >= MAX_FINDINGS) {
                overflow.increment();
                return null;
            }
            stats = findings.computeIfAbsent(key, k -> new FindingStats(finding));
        }
        synchronized (stats) {
            Seen seen = new Seen(stats, stats.seen(finding));
            then.accept(finding, seen);
            return seen;
        }
    }

    /** A finding's aggregate and how many scope instances it has been seen in, this one included. */
    public static final class Seen {
        public final FindingStats stats;
        public final long occurrences;

        Seen(FindingStats stats, long occurrences) {
            this.stats = stats;
            this.occurrences = occurrences;
        }
    }

    /** Whether a finding kept parameter values (the {@code params} option): the report is then for its owner's eyes only. */
    public boolean holdsParameters() {
        return holdsParameters;
    }

    public long statements() {
        return statements.sum();
    }

    public long unscoped() {
        return unscoped.sum();
    }

    public long overflow() {
        return overflow.sum();
    }

    /** Scope names, the most statements in one instance first. */
    public List<ScopeStats> scopes() {
        List<ScopeStats> list = new ArrayList<>(scopes.values());
        list.sort(Comparator.comparingInt(ScopeStats::max).reversed().thenComparing(ScopeStats::name));
        return list;
    }

    /** Counts a scope instance whose detail reached its memory budget; returns how many have so far. */
    public long detailCapped() {
        return capped.incrementAndGet();
    }

    /** Scope instances whose detail reached their memory budget (the {@code scope-memory} option). */
    public long cappedScopeInstances() {
        return capped.get();
    }

    /** Every scope instance closed, those past the bound on names included. */
    public long scopeInstances() {
        return instances.sum();
    }

    /** Findings, N+1 first, then the most repetitions. */
    public List<FindingStats> findings() {
        List<FindingStats> list = new ArrayList<>(findings.values());
        list.sort(Comparator.comparing(FindingStats::type).reversed()
                .thenComparing(Comparator.comparingInt(FindingStats::maxRepetitions).reversed())
                .thenComparing(FindingStats::scope).thenComparing(FindingStats::location));
        return list;
    }

    private static final class Key {
        final String scope;
        final Finding.Type type;
        final String shape;
        final String location;

        Key(Finding f) {
            this.scope = f.scope();
            this.type = f.type();
            this.shape = f.shape();
            this.location = f.location();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return type == k.type && scope.equals(k.scope) && shape.equals(k.shape) && location.equals(k.location);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, type, shape, location);
        }
    }
}

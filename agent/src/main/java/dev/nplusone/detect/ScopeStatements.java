package dev.nplusone.detect;

import dev.nplusone.failure.Faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Everything one outermost scope instance saw, grouped for the rules: by shape ({@link ShapeGroup}),
 * then by call site ({@link SiteGroup}, for N+1 and batchable writes) and by identical statement
 * (for duplicates). When the scope closes, {@link Rules} reads the groups, and each finding gets
 * its trigger and fetch path ({@link ParentQueries}) and a hint.
 *
 * <p>Confined to the thread that runs the scope, or, once the scope is handed to other threads, used
 * under its lock (see {@code scope.Scopes}), so nothing here locks. Bounded whatever the scope
 * runs: past {@link #MAX_SHAPES} shapes, {@link #MAX_SITES} call sites per shape,
 * {@link #MAX_DISTINCT} distinct statements per shape, or its {@link MemoryBudget} (the
 * {@code scope-memory} option), further ones are counted but not grouped.
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
    /** The {@code scope-memory} option's default: what the detail of one scope instance may take. */
    public static final long DEFAULT_MEMORY = 32L << 20;

    private final CallSites callSites;
    private final Attributor attributor;
    private final LongSupplier walk;
    private final int threshold;
    private final Map<String, ShapeGroup> shapes = new HashMap<>();
    /** The last {@link #RECENT} distinct shapes in a row, in a ring; the newest at recentCount - 1. */
    private final String[] recent = new String[RECENT];
    private int recentCount;
    private final MemoryBudget budget;
    private int statements;
    private int ungrouped;

    public ScopeStatements(CallSites callSites, int threshold) {
        this(callSites, threshold, Attributor.NONE, DEFAULT_MEMORY);
    }

    public ScopeStatements(CallSites callSites, int threshold, Attributor attributor) {
        this(callSites, threshold, attributor, DEFAULT_MEMORY);
    }

    /** @param memory bytes the detail of this scope instance may take (see {@link MemoryBudget}) */
    public ScopeStatements(CallSites callSites, int threshold, Attributor attributor, long memory) {
        this.budget = new MemoryBudget(memory);
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
     * @return true for the statement at which the scope's memory budget first refused detail, once
     */
    public boolean add(String shape, long statementKey, ScopePath path, long nanos, String parameters) {
        return add(shape, statementKey, walk, path, nanos, parameters, null);
    }

    /**
     * As {@link #add(String, long, ScopePath, long, String)}, for a statement of a task handed from
     * another thread: its call site joins the task's own frames and where it was submitted.
     *
     * @param origin where the task was submitted, or null for a statement of the scope's own thread
     */
    public boolean add(String shape, long statementKey, ScopePath path, long nanos, String parameters, Submission origin) {
        if (origin == null) {
            return add(shape, statementKey, walk, path, nanos, parameters, null);
        }
        return add(shape, statementKey, () -> origin.site(callSites.taskFingerprint()), path, nanos, parameters, origin);
    }

    boolean add(String shape, long statementKey, LongSupplier site, ScopePath path, long nanos, String parameters) {
        return add(shape, statementKey, site, path, nanos, parameters, null);
    }

    private boolean add(String shape, long statementKey, LongSupplier site, ScopePath path, long nanos, String parameters,
                        Submission origin) {
        boolean exhausted = budget.exhausted();
        record(shape, statementKey, site, path, nanos, parameters, origin);
        return !exhausted && budget.exhausted();
    }

    private void record(String shape, long statementKey, LongSupplier site, ScopePath path, long nanos, String parameters,
                        Submission origin) {
        statements++;
        ShapeGroup group = shapes.get(shape);
        if (group == null) {
            if (shapes.size() >= MAX_SHAPES ? budget.refuse() : !budget.take(MemoryBudget.SHAPE)) {
                ungrouped++;
                remember(shape);
                return;
            }
            group = new ShapeGroup(shape, recentShapes(), attributor.lazyLoad(), budget);
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
            describe(at, origin); // a repeat: now the readable stack is worth taking
        }
        // A write run twice with the same values did its work twice: not a question asked twice.
        if (group.kind != StatementKind.WRITE && group.identical.increment(statementKey) == 2) {
            if (at.stack == null) {
                describe(at, origin);
            }
            if (budget.take(MemoryBudget.DUPLICATE)) {
                group.duplicates.add(new ShapeGroup.Duplicate(statementKey, at, parameters));
            }
        }
    }

    // Runs while the repeated statement is still executing: the lazy load and the JSON being written are its own.
    private void describe(SiteGroup at, Submission origin) {
        // A task's site is keyed by the joined fingerprint; the walk here sees the task's own frames only.
        at.stack = origin == null ? callSites.stack(at.fingerprint) : origin.below(callSites.taskStack(at.fingerprint));
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

    /** Whether the scope's memory budget refused some detail: findings among later statements may be missed. */
    public boolean capped() {
        return budget.exhausted();
    }

    /** Bytes of detail kept, as the budget estimates them. */
    long memoryUsed() {
        return budget.used();
    }

    /** Applies the rules of {@link Rules} to what the scope recorded; call once, as it closes. */
    public List<Finding> findings() {
        Faults.at(Faults.Point.DETECTOR);
        return Rules.apply(shapes.values(), new ParentQueries(shapes, attributor, threshold), threshold);
    }
}

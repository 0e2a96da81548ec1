package dev.nplusone.detect;

/**
 * What the detail of one scope instance may take: shape groups, call sites, the counts of identical
 * statements, duplicates. Each is charged an estimate of its size before it is made; once the budget
 * refuses one, the scope keeps counting its statements exactly but keeps no further detail. A scope
 * that runs for hours (a batch job, a consumer loop) so stays within a size the user chose. The
 * bounds in numbers of a scope ({@link #refuse()}) end its detail in the same way, so that every
 * detail lost is said (once) and counted.
 *
 * <p>Confined to the scope's thread, like the rest of its state.
 */
final class MemoryBudget {

    /** A shape group, with its first small tables, its list of sites and its map entry. */
    static final int SHAPE = 320;
    /** A call site of a shape. */
    static final int SITE = 96;
    /** A statement run twice with the same values, kept for its finding. */
    static final int DUPLICATE = 48;
    /** One slot of a table of identical statements (a {@code long} key and an {@code int} count). */
    static final int COUNT_SLOT = 12;

    private final long limit;
    private long used;
    private boolean exhausted;

    MemoryBudget(long limit) {
        this.limit = limit;
    }

    /** Charges {@code bytes}; false, and nothing charged, when they do not fit. */
    boolean take(long bytes) {
        if (used + bytes > limit) {
            exhausted = true;
            return false;
        }
        used += bytes;
        return true;
    }

    /**
     * Refuses detail for a bound that is not counted in bytes (the 2,000 shapes of a scope, the 32
     * sites of a shape, the 4,096 distinct statements of a shape): past it the scope keeps no more
     * detail of that kind, and says so as for the budget. Always true: refused, as a failed {@link #take}.
     */
    boolean refuse() {
        exhausted = true;
        return true;
    }

    /** Whether some detail was refused. */
    boolean exhausted() {
        return exhausted;
    }

    long used() {
        return used;
    }

    long limit() {
        return limit;
    }
}

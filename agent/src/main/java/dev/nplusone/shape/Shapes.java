package dev.nplusone.shape;

import dev.nplusone.failure.Faults;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of each SQL string, computed once. Applications send the same few hundred SQL
 * strings over and over, so after warm-up a statement costs one map lookup on a string whose
 * hash code is already cached.
 *
 * <p>Bounded, in entries and in characters: SQL with inlined values produces a new string per
 * execution, and generated SQL can be megabytes long. When the cache holds {@code capacity} SQL
 * strings or {@link #MAX_CHARS} characters of SQL and shapes, it starts over rather than grow; SQL
 * longer than {@link #MAX_CACHED_SQL} is normalized at each execution (in time linear in its length)
 * and never kept. A shape longer than {@link #MAX_SHAPE_LENGTH} keeps its start and a 64-bit hash of
 * the whole, so that two long statements that differ near their end still have different shapes,
 * and every finding, report and scope holds at most that much of it.
 */
public final class Shapes {

    /** Characters of a shape kept whole; a longer one is cut, with a hash of the whole. */
    public static final int MAX_SHAPE_LENGTH = 4_096;
    /** Longest SQL string the cache keeps. */
    public static final int MAX_CACHED_SQL = 16_384;
    /** Characters of SQL and shapes the cache holds before it starts over: at most 8 MB. */
    public static final long MAX_CHARS = 4L << 20;

    private final int capacity;
    private final ConcurrentHashMap<String, String> bySql;
    // Equal shapes share one instance, so the detectors can compare them by identity first.
    private final ConcurrentHashMap<String, String> canonical;
    private final java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();

    public Shapes(int capacity) {
        this.capacity = capacity;
        this.bySql = new ConcurrentHashMap<>(Math.min(capacity, 1024));
        this.canonical = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    public String of(String sql) {
        Faults.at(Faults.Point.SHAPE);
        String shape = bySql.get(sql);
        if (shape != null) {
            return shape;
        }
        shape = bounded(Normalizer.shape(sql));
        if (sql.length() > MAX_CACHED_SQL) {
            String existing = canonical.get(shape);
            return existing != null ? existing : shape;
        }
        if (bySql.size() >= capacity || chars.get() >= MAX_CHARS) {
            bySql.clear();
            canonical.clear();
            chars.set(0);
        }
        String existing = canonical.putIfAbsent(shape, shape);
        long added = sql.length();
        if (existing != null) {
            shape = existing;
        } else {
            added += shape.length();
        }
        bySql.put(sql, shape);
        chars.addAndGet(added);
        return shape;
    }

    /** The shape, or its first {@link #MAX_SHAPE_LENGTH} characters and a hash of the whole. */
    static String bounded(String shape) {
        if (shape.length() <= MAX_SHAPE_LENGTH) {
            return shape;
        }
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits: a String's own 32-bit hash collides too easily
        for (int i = 0; i < shape.length(); i++) {
            h = (h ^ shape.charAt(i)) * 0x100000001b3L;
        }
        return shape.substring(0, MAX_SHAPE_LENGTH) + " ... (" + shape.length() + " characters, hash "
                + String.format("%016x", h) + ")";
    }

    public int size() {
        return bySql.size();
    }

    /** Characters of SQL and shapes held, as counted (approximately, under concurrent use). */
    long chars() {
        return chars.get();
    }
}

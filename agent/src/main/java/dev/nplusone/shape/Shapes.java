package dev.nplusone.shape;

import dev.nplusone.failure.Faults;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of each SQL string, computed once. Applications send the same few hundred SQL
 * strings over and over, so after warm-up a statement costs one map lookup on a string whose
 * hash code is already cached.
 *
 * <p>Bounded: SQL with inlined values produces a new string per execution, so when the cache is
 * full it starts over rather than grow.
 */
public final class Shapes {

    private final int capacity;
    private final ConcurrentHashMap<String, String> bySql;
    // Equal shapes share one instance, so the detectors can compare them by identity first.
    private final ConcurrentHashMap<String, String> canonical;

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
        shape = Normalizer.shape(sql);
        if (bySql.size() >= capacity) {
            bySql.clear();
            canonical.clear();
        }
        String existing = canonical.putIfAbsent(shape, shape);
        shape = existing != null ? existing : shape;
        bySql.put(sql, shape);
        return shape;
    }

    public int size() {
        return bySql.size();
    }
}

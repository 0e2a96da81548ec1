package dev.nplusone.detect;

/**
 * Counts per {@code long} key without boxing, in open addressing; stops taking new keys when full,
 * or when its scope's {@link MemoryBudget} refuses it room to grow, so that one scope that runs a
 * million distinct statements stays within a fixed size.
 */
final class LongCounts {

    private static final long EMPTY = 0L;
    private static final long ZERO_KEY = 0x5DEECE66DL; // stands in for a real key of 0

    private final int limit;
    private final MemoryBudget budget;
    private long[] keys;
    private int[] counts;
    private int size;

    LongCounts(int limit) {
        this(limit, new MemoryBudget(Long.MAX_VALUE));
    }

    /** @param budget charged for every table it grows to (its first, small one is its owner's) */
    LongCounts(int limit, MemoryBudget budget) {
        this.limit = limit;
        this.budget = budget;
        this.keys = new long[8];
        this.counts = new int[8];
    }

    /** Adds one to the key's count and returns it; 0 when the key is new and the table is full. */
    int increment(long key) {
        if (key == EMPTY) {
            key = ZERO_KEY;
        }
        int slot = find(key);
        if (keys[slot] == key) {
            return ++counts[slot];
        }
        if (size >= limit) {
            budget.refuse();
            return 0;
        }
        if ((size + 1) * 2 > keys.length) {
            if (!budget.take((long) keys.length * 2 * MemoryBudget.COUNT_SLOT)) {
                return 0;
            }
            grow();
            slot = find(key);
        }
        keys[slot] = key;
        counts[slot] = 1;
        size++;
        return 1;
    }

    int get(long key) {
        if (key == EMPTY) {
            key = ZERO_KEY;
        }
        int slot = find(key);
        return keys[slot] == key ? counts[slot] : 0;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) * 0x9E3779B9 >>> 1 & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}

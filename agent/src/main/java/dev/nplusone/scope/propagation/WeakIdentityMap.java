package dev.nplusone.scope.propagation;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the agent must remember about objects of the JDK's that it cannot give a field (classes
 * retransformed after they were loaded cannot change shape): the scope each fork/join task was
 * created in, until it runs; the scope of an HTTP exchange that outlives its handler. Keyed weakly
 * and by identity: a task may never run (a completion stage never triggered, a cancelled task), an
 * exchange may never be finished, and neither may be kept alive for it.
 */
final class WeakIdentityMap<V> {

    private final ConcurrentHashMap<Object, V> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    void put(Object key, V value) {
        expunge();
        entries.put(new Key(key, collected), value);
    }

    /** The value for that object, forgotten as it is taken; null when there is none. */
    V take(Object key) {
        if (entries.isEmpty()) {
            return null;
        }
        return entries.remove(new Lookup(key));
    }

    int size() {
        expunge();
        return entries.size();
    }

    private void expunge() {
        for (Object key = collected.poll(); key != null; key = collected.poll()) {
            entries.remove(key);
        }
    }

    /** A stored key: weak, compared by the identity of the object it still refers to. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object key, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = System.identityHashCode(key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object referent = get();
            return referent != null && other instanceof Key && ((Key) other).get() == referent;
        }
    }

    /** A key to look an object up with, without the cost of a reference object. */
    private static final class Lookup {
        private final Object key;

        Lookup(Object key) {
            this.key = key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).get() == key;
        }
    }
}

package dev.nplusone.scope.propagation;

import dev.nplusone.scope.Handoff;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scope each fork/join task was created in, until it runs. Keyed weakly and by identity: a
 * task may never run (a completion stage that is never triggered, a cancelled task), and the JDK's
 * classes, retransformed after they were loaded, cannot be given a field to hold it.
 */
final class PendingTasks {

    private final ConcurrentHashMap<Object, Handoff> tasks = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    void put(Object task, Handoff handoff) {
        expunge();
        tasks.put(new Key(task, collected), handoff);
    }

    /** The task's scope, forgotten as it is taken: a task runs once. */
    Handoff take(Object task) {
        if (tasks.isEmpty()) {
            return null;
        }
        return tasks.remove(new Lookup(task));
    }

    int size() {
        expunge();
        return tasks.size();
    }

    private void expunge() {
        for (Object key = collected.poll(); key != null; key = collected.poll()) {
            tasks.remove(key);
        }
    }

    /** A stored key: weak, compared by the identity of the task it still refers to. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object task, ReferenceQueue<Object> queue) {
            super(task, queue);
            this.hash = System.identityHashCode(task);
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
            Object task = get();
            return task != null && other instanceof Key && ((Key) other).get() == task;
        }
    }

    /** A key to look a task up with, without the cost of a reference object. */
    private static final class Lookup {
        private final Object task;

        Lookup(Object task) {
            this.task = task;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(task);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).get() == task;
        }
    }
}

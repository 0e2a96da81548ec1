package dev.nplusone.bridge;

import java.util.concurrent.Callable;

/** A submitted task that runs in the scope it was submitted in (see {@link Propagation#wrap(Callable)}). */
final class TaskCallable<V> implements Callable<V> {

    private final Callable<V> task;
    private final Object handle;

    TaskCallable(Callable<V> task, Object handle) {
        this.task = task;
        this.handle = handle;
    }

    @Override
    public V call() throws Exception {
        Object previous = Propagation.enter(handle);
        try {
            return task.call();
        } finally {
            Propagation.restore(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}

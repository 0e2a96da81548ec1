package dev.nplusone.bridge;

/** A submitted task that runs in the scope it was submitted in (see {@link Propagation#wrap(Runnable)}). */
final class TaskRunnable implements Runnable {

    private final Runnable task;
    private final Object handle;

    TaskRunnable(Runnable task, Object handle) {
        this.task = task;
        this.handle = handle;
    }

    @Override
    public void run() {
        Object previous = Propagation.enter(handle);
        try {
            task.run();
        } finally {
            Propagation.restore(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString(); // what a pool's rejection message or a thread dump shows
    }
}

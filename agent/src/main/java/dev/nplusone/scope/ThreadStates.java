package dev.nplusone.scope;

import dev.nplusone.failure.Failures;

import java.util.function.Function;

/**
 * Each thread's {@link ThreadState}: shared by the scopes and by what reads a statement's origins.
 *
 * <p>Inheritable: a thread created inside a scope starts in that scope when {@link #inheritWith}
 * says so (propagation on, and not a pool creating one of its own threads). Without it, a new
 * thread starts in no scope.
 */
public final class ThreadStates {

    private volatile Function<ThreadState, Handoff> inheritance;

    private final ThreadLocal<ThreadState> states = new InheritableThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
            return new ThreadState();
        }

        // Runs on the creating thread, inside the new Thread's constructor.
        @Override
        protected ThreadState childValue(ThreadState parent) {
            ThreadState child = new ThreadState();
            Function<ThreadState, Handoff> inherit = inheritance;
            if (inherit == null || parent.innermost == null || parent.creatingPoolThread) {
                return child;
            }
            try {
                Handoff handoff = inherit.apply(parent);
                if (handoff != null) {
                    child.innermost = handoff.frame;
                    child.origin = handoff.origin;
                    child.inherited = true;
                }
            } catch (Throwable failure) {
                Failures.caught("handing a scope to a new thread", failure);
            }
            return child;
        }
    };

    public ThreadState get() {
        return states.get();
    }

    /** What a thread created inside a scope takes along from its creator (null: nothing). */
    public void inheritWith(Function<ThreadState, Handoff> inheritance) {
        this.inheritance = inheritance;
    }
}

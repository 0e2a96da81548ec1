package dev.nplusone.scope;

/** Each thread's {@link ThreadState}: shared by the scopes and by what reads a statement's origins. */
public final class ThreadStates {

    private final ThreadLocal<ThreadState> states = ThreadLocal.withInitial(ThreadState::new);

    public ThreadState get() {
        return states.get();
    }
}

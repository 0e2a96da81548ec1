package dev.nplusone.scope.propagation;

import dev.nplusone.bridge.Propagation;
import dev.nplusone.detect.CallSites;
import dev.nplusone.failure.Failures;
import dev.nplusone.scope.Handoff;
import dev.nplusone.scope.Scopes;
import dev.nplusone.scope.ThreadState;

/**
 * What the advice of {@link TaskHook} and of the servlet and HTTP server hooks reaches through
 * {@link Propagation}: a scope taken where work is created and entered where it runs, as
 * {@code docs/threads.md} describes. Every failure stays inside the agent.
 */
public final class TaskHandoffs implements Propagation.Hooks {

    private static final Object CREATING = new Object();

    private final Scopes scopes;
    private final CallSites callSites;
    /** The scope each fork/join task was created in, until it runs. */
    private final WeakIdentityMap<Handoff> pending = new WeakIdentityMap<>();
    /** Exchanges of the JDK's HTTP server whose handler returned before their response was written, by response headers. */
    private final WeakIdentityMap<Object> unfinishedExchanges = new WeakIdentityMap<>();
    /** Exchanges whose response was written while their handler still ran, until it returns. */
    private final WeakIdentityMap<Boolean> finishedExchanges = new WeakIdentityMap<>();

    public TaskHandoffs(Scopes scopes, CallSites callSites) {
        this.scopes = scopes;
        this.callSites = callSites;
    }

    @Override
    public Object capture(Object task) {
        try {
            // A completion stage handed on by whichever thread completed the one before was created
            // where the application chained it: that is its scope and call site, not the passer's.
            Handoff created = pending.take(task);
            return created != null ? created : handoff(scopes.thread());
        } catch (Throwable failure) {
            Failures.caught("taking a scope along with a task", failure);
            return null;
        }
    }

    /** What a thread created by {@code creator} inside a scope takes along (see {@code ThreadStates}). */
    public Handoff inherit(ThreadState creator) {
        return handoff(creator);
    }

    private Handoff handoff(ThreadState t) {
        if (!t.inScope()) {
            return null; // the hot path: outside a scope, nothing is taken and nothing walked
        }
        return scopes.handoff(t, callSites);
    }

    @Override
    public Object enter(Object handle) {
        try {
            return scopes.enter((Handoff) handle);
        } catch (Throwable failure) {
            Failures.caught("entering a task's scope", failure);
            return null;
        }
    }

    @Override
    public void restore(Object previous) {
        try {
            scopes.restore((Handoff) previous);
        } catch (Throwable failure) {
            Failures.caught("leaving a task's scope", failure);
        }
    }

    @Override
    public void taskCreated(Object task) {
        try {
            Handoff handoff = handoff(scopes.thread());
            if (handoff != null) {
                pending.put(task, handoff);
            }
        } catch (Throwable failure) {
            Failures.caught("taking a scope along with a fork/join task", failure);
        }
    }

    @Override
    public Object taskStarts(Object task) {
        try {
            Handoff handoff = pending.take(task);
            return handoff == null ? null : scopes.enter(handoff);
        } catch (Throwable failure) {
            Failures.caught("entering a fork/join task's scope", failure);
            return null;
        }
    }

    @Override
    public Object poolThreadStarting() {
        try {
            ThreadState t = scopes.thread();
            return t.inScope() && !t.creatingPoolThread(true) ? CREATING : null;
        } catch (Throwable failure) {
            Failures.caught("marking a pool's thread", failure);
            return null;
        }
    }

    @Override
    public void poolThreadStarted(Object token) {
        try {
            scopes.thread().creatingPoolThread(false);
        } catch (Throwable failure) {
            Failures.caught("marking a pool's thread", failure);
        }
    }

    @Override
    public boolean suspend(Object scope, String route) {
        try {
            return scopes.suspend(scope, route);
        } catch (Throwable failure) {
            Failures.caught("keeping an asynchronous request's scope open", failure);
            return false;
        }
    }

    @Override
    public boolean suspendExchange(Object scope, Object exchange) {
        try {
            if (finishedExchanges.take(exchange) != null || !scopes.suspend(scope, null)) {
                return false; // written already: the scope closes as the handler returns
            }
            unfinishedExchanges.put(exchange, scope);
            // the response may have been finished between the two looks
            if (finishedExchanges.take(exchange) != null && unfinishedExchanges.take(exchange) != null) {
                scopes.end(scope);
            }
            return true;
        } catch (Throwable failure) {
            Failures.caught("keeping an HTTP exchange's scope open", failure);
            return false;
        }
    }

    @Override
    public void exchangeEnds(Object exchange) {
        try {
            Object scope = unfinishedExchanges.take(exchange);
            if (scope != null) {
                scopes.end(scope);
            } else {
                finishedExchanges.put(exchange, Boolean.TRUE);
            }
        } catch (Throwable failure) {
            Failures.caught("closing an HTTP exchange's scope", failure);
        }
    }

    @Override
    public Object resume(Object scope) {
        try {
            return scopes.resume(scope);
        } catch (Throwable failure) {
            Failures.caught("entering an asynchronous request's scope", failure);
            return null;
        }
    }

    @Override
    public void end(Object scope) {
        try {
            scopes.end(scope);
        } catch (Throwable failure) {
            Failures.caught("closing an asynchronous request's scope", failure);
        }
    }

    /** Fork/join tasks created in a scope that have not run yet (collected ones aside). */
    int pendingTasks() {
        return pending.size();
    }
}

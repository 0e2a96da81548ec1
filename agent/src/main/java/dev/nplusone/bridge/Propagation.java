package dev.nplusone.bridge;

import java.util.concurrent.Callable;

/**
 * What advice inlined into the JDK's executors, fork/join tasks and servlet containers calls to
 * carry a scope from the thread that submits work to the thread that runs it (see
 * {@code docs/threads.md}). Defined in the bootstrap loader beside {@link Bridge}, for the same
 * reasons: JDK types only, safe without an agent, never throws.
 *
 * <p>A task is wrapped only when the submitting thread is inside a scope; otherwise the
 * application's own object passes through untouched.
 */
public final class Propagation {

    private static volatile Hooks hooks;

    private Propagation() {
    }

    /** What the agent implements; handles and tokens are opaque to everything here. */
    public interface Hooks {

        /**
         * The scope a task runs in, or null: the one it was created in when the agent saw it created
         * (a fork/join task, a completion stage), else the submitting thread's and where it submits from.
         */
        Object capture(Object task);

        /** Makes a captured scope this thread's; returns what it replaced, for {@link #restore}. */
        Object enter(Object handle);

        /** Puts back what {@link #enter} replaced, exactly. */
        void restore(Object previous);

        /** Remembers the scope a fork/join task was created in (weakly: it may never run). */
        void taskCreated(Object task);

        /** Enters the scope a fork/join task was created in, if any; returns the token for {@link #restore}, or null. */
        Object taskStarts(Object task);

        /** A pool starts creating one of its own threads on this thread: such a thread must not inherit the scope. */
        Object poolThreadStarting();

        /** Ends what {@link #poolThreadStarting} began. */
        void poolThreadStarted(Object token);

        /** Detaches an open HTTP scope from this thread: it stays open until {@link #end}; false when propagation is off. */
        boolean suspend(Object scope, String route);

        /**
         * As the JDK HTTP server's filter chain returns: keeps the exchange's scope open, taken off
         * this thread, until {@link #exchangeEnds}, unless its response was written already (then false).
         * An exchange is known by its response headers, the one object the server's public and inner
         * classes share for it.
         */
        boolean suspendExchange(Object scope, Object exchange);

        /** The JDK HTTP server finished writing an exchange's response, or closed it. */
        void exchangeEnds(Object exchange);

        /** Makes a scope that {@link #suspend} detached this thread's again (an asynchronous dispatch); returns the token for {@link #restore}, or null. */
        Object resume(Object scope);

        /** Closes a scope that {@link #suspend} detached, from whatever thread; once. */
        void end(Object scope);
    }

    public static void install(Hooks agent) {
        hooks = agent;
    }

    public static void uninstall() {
        hooks = null;
    }

    /** The task to run in place of {@code task}: itself outside a scope, else a wrapper that runs it in the submitter's scope. */
    public static Runnable wrap(Runnable task) {
        Hooks h = hooks;
        if (h == null || task == null || task instanceof TaskRunnable) {
            return task;
        }
        try {
            Object handle = h.capture(task);
            return handle == null ? task : new TaskRunnable(task, handle);
        } catch (Throwable agentFailure) {
            return task;
        }
    }

    /** As {@link #wrap(Runnable)}, for a {@link Callable}. */
    public static <V> Callable<V> wrap(Callable<V> task) {
        Hooks h = hooks;
        if (h == null || task == null || task instanceof TaskCallable) {
            return task;
        }
        try {
            Object handle = h.capture(task);
            return handle == null ? task : new TaskCallable<>(task, handle);
        } catch (Throwable agentFailure) {
            return task;
        }
    }

    /** Called by the wrappers before the task runs. */
    static Object enter(Object handle) {
        Hooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.enter(handle);
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    /** Called after the task ran, with what {@link #enter} or {@link #taskStarts} returned. */
    public static void restore(Object previous) {
        Hooks h = hooks;
        if (h == null || previous == null) {
            return;
        }
        try {
            h.restore(previous);
        } catch (Throwable agentFailure) {
            // the agent logs its own failures
        }
    }

    public static void taskCreated(Object task) {
        Hooks h = hooks;
        if (h == null) {
            return;
        }
        try {
            h.taskCreated(task);
        } catch (Throwable agentFailure) {
            // the agent logs its own failures
        }
    }

    public static Object taskStarts(Object task) {
        Hooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.taskStarts(task);
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    public static Object poolThreadStarting() {
        Hooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.poolThreadStarting();
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    public static void poolThreadStarted(Object token) {
        Hooks h = hooks;
        if (h == null || token == null) {
            return;
        }
        try {
            h.poolThreadStarted(token);
        } catch (Throwable agentFailure) {
            // the agent logs its own failures
        }
    }

    public static boolean suspend(Object scope, String route) {
        Hooks h = hooks;
        if (h == null || scope == null) {
            return false;
        }
        try {
            return h.suspend(scope, route);
        } catch (Throwable agentFailure) {
            return false;
        }
    }

    public static boolean suspendExchange(Object scope, Object exchange) {
        Hooks h = hooks;
        if (h == null || scope == null || exchange == null) {
            return false;
        }
        try {
            return h.suspendExchange(scope, exchange);
        } catch (Throwable agentFailure) {
            return false;
        }
    }

    public static void exchangeEnds(Object exchange) {
        Hooks h = hooks;
        if (h == null || exchange == null) {
            return;
        }
        try {
            h.exchangeEnds(exchange);
        } catch (Throwable agentFailure) {
            // the agent logs its own failures
        }
    }

    public static Object resume(Object scope) {
        Hooks h = hooks;
        if (h == null || scope == null) {
            return null;
        }
        try {
            return h.resume(scope);
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    /**
     * A listener of the given interface (a servlet {@code AsyncListener}) that ends the scope when
     * the asynchronous request completes, fails or times out; a proxy, because the interface is the
     * application's class loader's, not ours. Null when it cannot be made.
     */
    public static Object endingListener(Class<?> listenerType, Object scope) {
        try {
            return java.lang.reflect.Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType}, new Ending(scope));
        } catch (Throwable unavailable) {
            return null;
        }
    }

    /** What the listener of {@link #endingListener} does. */
    static final class Ending implements java.lang.reflect.InvocationHandler {
        private final Object scope;

        Ending(Object scope) {
            this.scope = scope;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            switch (method.getName()) {
                case "onComplete":
                case "onError":
                case "onTimeout":
                    end(scope);
                    return null;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "nplusone scope end";
                default:
                    return null; // onStartAsync: the advice adds the listener again for the new cycle
            }
        }
    }

    public static void end(Object scope) {
        Hooks h = hooks;
        if (h == null || scope == null) {
            return;
        }
        try {
            h.end(scope);
        } catch (Throwable agentFailure) {
            // the agent logs its own failures
        }
    }
}

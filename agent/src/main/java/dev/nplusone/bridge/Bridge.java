package dev.nplusone.bridge;

import java.util.Map;

/**
 * The only agent class that instrumented application code calls.
 *
 * <p>Advice is inlined into classes of any class loader (web applications, Spring Boot's nested
 * jars, the JDK's own HTTP server), but the agent itself lives in an isolated loader that those
 * classes cannot see. This class is defined in the bootstrap class loader, which every loader
 * reaches (see {@code BridgeInjector}), and forwards to the agent through {@link Hooks}. It uses JDK types only: on JDK 9+
 * even {@code java.sql} is not visible from the bootstrap loader.
 *
 * <p>Every method is safe to call when the agent is absent or detached, and never throws.
 */
public final class Bridge {

    /**
     * What {@link #lazyLoad} and {@link #jsonGenerator} return when they changed nothing (no agent,
     * or it failed): advice that sees it has nothing to put back on exit.
     */
    public static final Object UNCHANGED = new Object();

    private static volatile Hooks hooks;

    /** The test invocation a test engine runs on each thread, as {@link #runningTest(String)} names it. */
    private static final ThreadLocal<String> RUNNING_TEST = new ThreadLocal<>();

    private Bridge() {
    }

    /** What the agent implements; all arguments are typed {@code Object} on purpose (see above). */
    public interface Hooks {

        /** Returns the connection wrapped for statement interception, or the argument itself. */
        Object connection(Object connection);

        /** Opens an HTTP request scope; null when one is already open on this thread. */
        Object openHttpScope(String method, String path);

        /** Opens a serialization scope for the root value; null when nested in another one. */
        Object openSerializationScope(Object rootValue);

        /** Opens a scope of the given kind ("manual" or "test") with that name. */
        Object openScope(String kind, String name);

        /** Closes a scope; {@code route} renames an HTTP scope when the framework knows the route. */
        void closeScope(Object scope, String route);

        /** Closes a scope and says what it saw, as {@link Bridge#closeScopeWithResult} describes. */
        Map<String, Object> closeScopeWithResult(Object scope);

        /** Makes this the lazy load in progress on this thread (an ORM collection or proxy, or null); returns the one before. */
        Object lazyLoad(Object loading);

        /** Makes this the JSON generator writing on this thread (or null); returns the one before. */
        Object jsonGenerator(Object generator);
    }

    public static void install(Hooks agent) {
        hooks = agent;
    }

    public static void uninstall() {
        hooks = null;
    }

    public static Object connection(Object connection) {
        Hooks h = hooks;
        if (h == null || connection == null) {
            return connection;
        }
        try {
            return h.connection(connection);
        } catch (Throwable agentFailure) {
            return connection;
        }
    }

    public static Object openHttpScope(String method, String path) {
        Hooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.openHttpScope(method, path);
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    public static Object openSerializationScope(Object rootValue) {
        Hooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.openSerializationScope(rootValue);
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    /** Also called reflectively by {@code dev.nplusone.api.NPlusOne}; null when not opened. */
    public static Object openScope(String kind, String name) {
        Hooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.openScope(kind, name);
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    public static void closeScope(Object scope, String route) {
        Hooks h = hooks;
        if (h == null || scope == null) {
            return;
        }
        try {
            h.closeScope(scope, route);
        } catch (Throwable agentFailure) {
            // the agent logs its own failures; the application goes on
        }
    }

    /**
     * Closes a scope opened by {@link #openScope} and says what it saw; called reflectively by
     * {@code dev.nplusone.api.NPlusOne}, which turns the answer into its own types. The keys follow
     * the JSON report: {@code kind}, {@code name}, {@code statements} (Integer) and, only for a
     * scope that was the outermost of its thread, {@code findings}: a List of Maps with
     * {@code type}, {@code scope}, {@code path} (List of String), {@code shape}, {@code repetitions}
     * (Integer), {@code location}, {@code stack} (List of String), {@code trigger} (may be null),
     * {@code timeMillis} (Long) and {@code parameters} (null unless the {@code params} option is on).
     *
     * @return null when the agent is absent or the scope was not open on this thread
     */
    public static Map<String, Object> closeScopeWithResult(Object scope) {
        Hooks h = hooks;
        if (h == null || scope == null) {
            return null;
        }
        try {
            return h.closeScopeWithResult(scope);
        } catch (Throwable agentFailure) {
            return null;
        }
    }

    /**
     * Advice around a test engine's run of one test invocation names it here, for the advice in the
     * test method to name its scope: the engine knows the invocation (a parameterized test's index),
     * the method does not. Null ends it. Returns the name it replaces, for the engine's advice to put
     * back. Held here, not in the agent, because both advices are inlined into classes that see
     * nothing of the agent but this class.
     */
    public static String runningTest(String name) {
        String before = RUNNING_TEST.get();
        if (name == null) {
            RUNNING_TEST.remove();
        } else {
            RUNNING_TEST.set(name);
        }
        return before;
    }

    /** The test invocation the test engine runs on this thread, or null. */
    public static String runningTest() {
        return RUNNING_TEST.get();
    }

    /**
     * The simple name of the class a user wrote, for advice that names a scope after it: a generated
     * subclass ({@code DigestJob$$SpringCGLIB$$0}) stands for the class it extends. Here, because
     * inlined advice sees nothing of the agent but this class; JDK types only.
     */
    public static String simpleName(Class<?> type) {
        Class<?> written = type;
        while (written.getName().contains("$$") && written.getSuperclass() != null) {
            written = written.getSuperclass();
        }
        String simple = written.getSimpleName();
        return simple.isEmpty() ? written.getName().substring(written.getName().lastIndexOf('.') + 1) : simple;
    }

    /** Advice around an ORM lazy load: marks it on entry, puts back what it returned on exit. */
    public static Object lazyLoad(Object loading) {
        Hooks h = hooks;
        if (h == null) {
            return UNCHANGED;
        }
        try {
            return h.lazyLoad(loading);
        } catch (Throwable agentFailure) {
            return UNCHANGED;
        }
    }

    /** Advice around a JSON serialization: marks its generator on entry, puts back what it returned on exit. */
    public static Object jsonGenerator(Object generator) {
        Hooks h = hooks;
        if (h == null) {
            return UNCHANGED;
        }
        try {
            return h.jsonGenerator(generator);
        } catch (Throwable agentFailure) {
            return UNCHANGED;
        }
    }
}

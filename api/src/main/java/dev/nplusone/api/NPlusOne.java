package dev.nplusone.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Opens a named scope by hand, for work that is not an HTTP request or a serialization call:
 * batch jobs, message listeners, scheduled tasks.
 *
 * <pre>{@code
 * try (NPlusOne.Scope scope = NPlusOne.scope("nightly invoice run")) {
 *     invoices.forEach(this::send);
 * }
 * }</pre>
 *
 * <p>The statements run on this thread until the scope closes are grouped and checked for N+1
 * queries as one unit; after the close, {@link Scope#result()} says what the agent saw. Without
 * the agent every call here is a cheap no-op, so the dependency can stay in production code.
 */
public final class NPlusOne {

    private static final String BRIDGE = "dev.nplusone.bridge.Bridge";
    private static final String MANUAL = "manual";
    private static final String TEST = "test";

    private static volatile MethodHandle open;
    private static volatile MethodHandle close;

    private NPlusOne() {
    }

    /** Opens a scope of kind {@code manual}; close it on the same thread, best with try-with-resources. */
    public static Scope scope(String name) {
        return open(MANUAL, name);
    }

    /**
     * Opens a scope of kind {@code test}, for test framework integrations: name it as the agent
     * names the test methods it watches itself, {@code com.acme.OrderTest#listsOrders}, and the
     * agent's own scope for that method is not opened inside it.
     */
    public static Scope testScope(String name) {
        return open(TEST, name);
    }

    /** True when the nplusone agent is attached to this JVM. */
    public static boolean agentAttached() {
        return open != null || findAgent();
    }

    private static Scope open(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a scope needs a name");
        }
        Object token = null;
        if (open != null || findAgent()) {
            try {
                token = open.invoke(kind, name);
            } catch (Throwable agentFailure) {
                // the agent reports its own failures; the application goes on, unrecorded
            }
        }
        return new OpenScope(kind, name, token);
    }

    // The agent publishes its hooks in the bootstrap class loader, which every class loader can
    // reach; looking them up reflectively keeps this jar free of any dependency on the agent, and
    // works when the agent is attached after this class was loaded.
    private static boolean findAgent() {
        try {
            Class<?> bridge = Class.forName(BRIDGE, false, null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            close = lookup.findStatic(bridge, "closeScopeWithResult", MethodType.methodType(Map.class, Object.class));
            open = lookup.findStatic(bridge, "openScope", MethodType.methodType(Object.class, String.class, String.class));
            return true;
        } catch (ReflectiveOperationException | LinkageError absent) {
            return false;
        }
    }

    /** An open scope; {@link #close()} ends it, then {@link #result()} says what happened in it. */
    public interface Scope extends AutoCloseable {

        /** Ends the scope; a second call does nothing. */
        @Override
        void close();

        /**
         * What the agent saw in this scope instance.
         *
         * @throws IllegalStateException before {@link #close()}
         */
        ScopeResult result();
    }

    private static final class OpenScope implements Scope {

        private final String kind;
        private final String name;
        private final Object token; // null: nothing records this scope
        private volatile ScopeResult result;

        OpenScope(String kind, String name, Object token) {
            this.kind = kind;
            this.name = name;
            this.token = token;
        }

        @Override
        public void close() {
            if (result != null) {
                return;
            }
            ScopeResult seen = ScopeResult.unrecorded(kind, name);
            if (token != null) {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> answer = (Map<String, Object>) close.invoke(token);
                    if (answer != null) {
                        seen = ScopeResult.of(kind, name, answer);
                    }
                } catch (Throwable agentFailure) {
                    // the agent reports its own failures; an answer it could not give stays unrecorded
                }
            }
            result = seen;
        }

        @Override
        public ScopeResult result() {
            ScopeResult r = result;
            if (r == null) {
                throw new IllegalStateException("scope '" + name + "' is still open: close it before reading its result");
            }
            return r;
        }

        @Override
        public String toString() {
            return kind + " scope '" + name + "'" + (result == null ? " (open)" : "");
        }
    }
}

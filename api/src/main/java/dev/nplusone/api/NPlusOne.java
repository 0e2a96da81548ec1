package dev.nplusone.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

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
 * queries as one unit. Without the agent every call here is a cheap no-op, so the dependency can
 * stay in production code.
 */
public final class NPlusOne {

    private static final String BRIDGE = "dev.nplusone.bridge.Bridge";
    private static final Scope NOOP = () -> { };

    private static volatile MethodHandle open;
    private static volatile MethodHandle close;

    private NPlusOne() {
    }

    /** Opens a scope of kind {@code manual}; close it on the same thread, best with try-with-resources. */
    public static Scope scope(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a scope needs a name");
        }
        if (open == null && !findAgent()) {
            return NOOP;
        }
        try {
            Object token = open.invoke(name);
            return token == null ? NOOP : () -> closeQuietly(token);
        } catch (Throwable agentFailure) {
            return NOOP; // the agent reports its own failures; the application goes on
        }
    }

    /** True when the nplusone agent is attached to this JVM. */
    public static boolean agentAttached() {
        return open != null || findAgent();
    }

    private static void closeQuietly(Object token) {
        try {
            close.invoke(token);
        } catch (Throwable ignored) {
            // the agent reports its own failures
        }
    }

    // The agent publishes its hooks in the bootstrap class loader, which every class loader can
    // reach; looking them up reflectively keeps this jar free of any dependency on the agent, and
    // works when the agent is attached after this class was loaded.
    private static boolean findAgent() {
        try {
            Class<?> bridge = Class.forName(BRIDGE, false, null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            close = lookup.findStatic(bridge, "closeScope", MethodType.methodType(void.class, Object.class));
            open = lookup.findStatic(bridge, "openManualScope", MethodType.methodType(Object.class, String.class));
            return true;
        } catch (ReflectiveOperationException | LinkageError absent) {
            return false;
        }
    }

    /** An open scope; {@link #close()} ends it. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

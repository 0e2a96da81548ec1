package dev.nplusone.jdbc;

import dev.nplusone.failure.Failures;

import java.sql.Connection;

/**
 * Wraps each connection the application gets ({@link ConnectionProxy}); its statements report to
 * {@link StatementListener}.
 *
 * <p>A connection is wrapped where it is made (a driver's {@code connect}) and again where it is
 * handed out ({@code DataSource.getConnection}) unless the pool's own wrapper reveals ours
 * underneath through {@link Connection#isWrapperFor}. When a pool hides it, the statement passes
 * two of our wrappers, and {@link StatementListener} counts it once.
 */
public final class ConnectionWrapper {

    private final StatementListener listener;

    public ConnectionWrapper(StatementListener listener) {
        this.listener = listener;
    }

    public Object wrap(Object candidate) {
        if (!(candidate instanceof Connection) || candidate instanceof Wrapped) {
            return candidate;
        }
        Connection connection = (Connection) candidate;
        if (wrapsOurs(connection)) {
            return candidate;
        }
        try {
            return ProxyClasses.connection(connection, listener);
        } catch (Throwable failure) {
            Failures.caught("wrapping " + connection.getClass().getName(), failure);
            return candidate;
        }
    }

    private static boolean wrapsOurs(Connection connection) {
        try {
            return connection.isWrapperFor(Wrapped.class);
        } catch (Throwable notSupported) {
            return false; // old drivers lack isWrapperFor; the listener still counts once
        }
    }
}

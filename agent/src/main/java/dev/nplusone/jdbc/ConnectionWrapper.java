package dev.nplusone.jdbc;

import dev.nplusone.failure.Failures;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.NanoTimeStopwatchFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

import java.sql.Connection;

/**
 * Wraps each connection the application gets with a datasource-proxy proxy whose listener is
 * {@link StatementListener}.
 *
 * <p>A connection is wrapped where it is made (a driver's {@code connect}) and again where it is
 * handed out ({@code DataSource.getConnection}) unless the pool's own wrapper reveals ours
 * underneath through {@link Connection#isWrapperFor}. When a pool hides it, the statement passes
 * two of our proxies, and {@link StatementListener} counts it once.
 */
public final class ConnectionWrapper {

    private final ProxyConfig config;

    public ConnectionWrapper(StatementListener listener) {
        this.config = ProxyConfig.Builder.create()
                .dataSourceName("nplusone")
                .queryListener(listener)
                .stopwatchFactory(new NanoTimeStopwatchFactory())
                .retrieveIsolationLevel(false)
                .build();
    }

    public Object wrap(Object candidate) {
        if (!(candidate instanceof Connection) || candidate instanceof ProxyJdbcObject) {
            return candidate;
        }
        Connection connection = (Connection) candidate;
        if (wrapsOurs(connection)) {
            return candidate;
        }
        try {
            return JdbcProxyFactory.DEFAULT.createConnection(connection, new ConnectionInfo(), config);
        } catch (Throwable failure) {
            Failures.caught("wrapping " + connection.getClass().getName(), failure);
            return candidate;
        }
    }

    private static boolean wrapsOurs(Connection connection) {
        try {
            return connection.isWrapperFor(ProxyJdbcObject.class);
        } catch (Throwable notSupported) {
            return false; // old drivers lack isWrapperFor; the listener still counts once
        }
    }
}

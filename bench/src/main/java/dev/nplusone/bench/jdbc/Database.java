package dev.nplusone.bench.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.p6spy.engine.event.JdbcEventListener;
import com.p6spy.engine.spy.P6DataSource;
import net.ttddyy.dsproxy.listener.NoOpQueryExecutionListener;
import net.ttddyy.dsproxy.proxy.NanoTimeStopwatchFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * An H2 in-memory database behind a HikariCP pool, with one table of {@link #ROWS} rows, and the
 * statement every per-statement figure is made of: a primary-key select, prepared, run and read.
 */
public final class Database implements AutoCloseable {

    public static final int ROWS = 1_000;
    public static final String SELECT = "select id, name from item where id = ?";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final HikariDataSource pool;

    public Database() throws SQLException {
        HikariConfig config = new HikariConfig();
        // Each database its own name: several may live in one JVM (the memory workloads).
        config.setJdbcUrl("jdbc:h2:mem:bench" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        config.setPoolName("bench");
        pool = new HikariDataSource(config);
        awaitConnections(config.getMinimumIdle());
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table item (id bigint primary key, name varchar(64) not null)");
            try (PreparedStatement insert = c.prepareStatement("insert into item (id, name) values (?, ?)")) {
                for (int id = 1; id <= ROWS; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "item " + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    // HikariCP opens its idle connections on a thread of its own. Wait for them, so that every run
    // measures the same pool: one more H2 session is megabytes of heap in the memory figures.
    private void awaitConnections(int count) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pool.getHikariPoolMXBean().getTotalConnections() < count) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("HikariCP opened " + pool.getHikariPoolMXBean().getTotalConnections() + " of " + count + " connections");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the pool", e);
            }
        }
    }

    public DataSource pool() {
        return pool;
    }

    /**
     * The pool wrapped by datasource-proxy as an application would wrap it, configured as the
     * agent configures its own proxies (nanosecond stopwatch, no isolation-level lookup) but with
     * a listener that does nothing: the cost of the proxy itself, below which our design cannot go.
     */
    public DataSource proxiedPool() {
        ProxyDataSource proxy = new ProxyDataSource(pool);
        proxy.setProxyConfig(ProxyConfig.Builder.create()
                .dataSourceName("bench")
                .queryListener(new NoOpQueryExecutionListener())
                .stopwatchFactory(new NanoTimeStopwatchFactory())
                .retrieveIsolationLevel(false)
                .build());
        return proxy;
    }

    /**
     * The pool wrapped by p6spy's {@code P6DataSource}, with one listener that does nothing. Only
     * p6spy's core module is loaded (no logging module, so no spy.log) and its JMX beans are off:
     * the cost of p6spy's wrappers and event dispatch, as (d) is datasource-proxy's.
     */
    public DataSource p6spiedPool() {
        System.setProperty("p6spy.config.modulelist", "com.p6spy.engine.spy.P6SpyFactory");
        System.setProperty("p6spy.config.jmx", "false");
        JdbcEventListener nothing = new JdbcEventListener() {
        };
        P6DataSource spied = new P6DataSource(pool);
        spied.setJdbcEventListenerFactory(() -> nothing);
        return spied;
    }

    /** Borrows a connection, prepares, binds, runs and reads one row, and gives everything back. */
    public static String select(DataSource source, long id) throws SQLException {
        try (Connection c = source.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(2) : null;
            }
        }
    }

    /** Runs any SQL with one long parameter on a connection the caller holds. */
    public static void query(Connection connection, String sql, long parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

package dev.nplusone.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Runs {@link Workload} in a manual scope {@code import-job}, on connections obtained one of
 * several ways ({@link Mode}); the table setup before it runs outside any scope.
 *
 * <p>Arguments: the mode, and for {@link Mode#ISOLATED_DATA_SOURCE} the path of the H2 jar.
 */
public final class JdbcApp {

    public static final String SCOPE = "import-job";

    public enum Mode {
        /** {@code DriverManager.getConnection}: the agent sees {@code Driver.connect}. */
        DRIVER_MANAGER,
        /** H2's own {@code JdbcDataSource.getConnection()}. */
        H2_DATA_SOURCE,
        /** H2's own {@code JdbcDataSource.getConnection(user, password)}. */
        H2_DATA_SOURCE_WITH_USER,
        /** A HikariCP pool over the H2 driver: wrapped where made and where handed out, counted once. */
        HIKARI,
        /** H2's {@code JdbcDataSource} loaded by an isolated class loader the application made itself. */
        ISOLATED_DATA_SOURCE
    }

    /** How this run gets its connections. */
    interface Connections extends AutoCloseable {
        Connection get() throws SQLException;

        @Override
        default void close() {
        }
    }

    private static final String URL = "jdbc:h2:mem:jdbc-app;DB_CLOSE_DELAY=-1";

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.valueOf(args[0]);
        try (Connections connections = connections(mode, args)) {
            try (Connection c = connections.get()) {
                Workload.setUp(c);
            }
            try (ManualScope scope = ManualScope.open(SCOPE); Connection c = connections.get()) {
                Workload.run(c); // runs the workload
            }
        }
        System.out.println("done: " + mode);
    }

    private static Connections connections(Mode mode, String[] args) throws Exception {
        switch (mode) {
            case DRIVER_MANAGER:
                return () -> DriverManager.getConnection(URL);
            case H2_DATA_SOURCE:
                return H2.dataSource()::getConnection;
            case H2_DATA_SOURCE_WITH_USER:
                DataSource h2 = H2.dataSource();
                return () -> h2.getConnection("sa", "");
            case HIKARI:
                return Hikari.pool();
            case ISOLATED_DATA_SOURCE:
                return Isolated.dataSource(args[1])::getConnection;
            default:
                throw new IllegalArgumentException(mode.name());
        }
    }

    // Each library is named only inside its own nested class, so that the isolated run, which has
    // no H2 and no Hikari on its class path, never loads them.

    private static final class H2 {
        static DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(URL);
            return ds;
        }
    }

    private static final class Hikari {
        static Connections pool() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(URL);
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(1);
            HikariDataSource pool = new HikariDataSource(config);
            return new Connections() {
                @Override
                public Connection get() throws SQLException {
                    return pool.getConnection();
                }

                @Override
                public void close() {
                    pool.close();
                }
            };
        }
    }

    private static final class Isolated {
        static DataSource dataSource(String h2Jar) throws Exception {
            try {
                Class.forName("org.h2.Driver");
                throw new IllegalStateException("H2 must not be on the application class path for this mode");
            } catch (ClassNotFoundException expected) {
                // good: only the loader below can see H2
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {Paths.get(h2Jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("org.h2.jdbcx.JdbcDataSource");
            DataSource ds = (DataSource) type.getConstructor().newInstance();
            type.getMethod("setURL", String.class).invoke(ds, URL);
            System.out.println("data source " + type.getName() + " loaded by " + type.getClassLoader());
            return ds;
        }
    }
}

package org.apache.samples.bookshop.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the shop's connection pool when the application starts (an in-memory H2 database, created
 * and filled from bookshop/schema.sql and data.sql) and closes it when the application stops.
 */
public final class DatabaseListener implements ServletContextListener {

    /** The servlet context attribute holding the {@link javax.sql.DataSource}. */
    public static final String DATA_SOURCE = "bookshop.dataSource";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bookshop");
        config.setJdbcUrl("jdbc:h2:mem:bookshop;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : new String[] {"bookshop/schema.sql", "bookshop/data.sql"}) {
                for (String sql : read(script).split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("cannot create the bookshop's database", e);
        }
        event.getServletContext().setAttribute(DATA_SOURCE, dataSource);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object dataSource = event.getServletContext().getAttribute(DATA_SOURCE);
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    private static String read(String resource) {
        try (InputStream in = DatabaseListener.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " in WEB-INF/classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

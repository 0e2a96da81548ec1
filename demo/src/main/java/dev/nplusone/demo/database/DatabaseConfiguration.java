package dev.nplusone.demo.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's database ({@code --demo.database}): H2 by default, or a real PostgreSQL server; both
 * started here, on this machine, listening on the loopback address. With {@code --demo.round-trip}
 * the application reaches it through a {@link RoundTripRelay} that adds that delay to each round
 * trip, as if the database were across a network.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** The server, and the relay in front of it if a round trip is asked for; closed in the reverse order. */
    record DemoDatabase(RunningDatabase server, RoundTripRelay relay) implements AutoCloseable {

        int port() {
            return relay == null ? server.port() : relay.port();
        }

        @Override
        public void close() throws IOException {
            try {
                if (relay != null) {
                    relay.close();
                }
            } finally {
                server.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    DemoDatabase demoDatabase(DatabaseProperties properties) throws IOException, SQLException {
        RunningDatabase server = switch (properties.database()) {
            case H2 -> H2Database.start();
            case POSTGRES -> PostgresDatabase.start();
        };
        try {
            RoundTripRelay relay = properties.roundTrip().isZero()
                    ? null
                    : RoundTripRelay.start(server.port(), properties.roundTrip());
            log.info("Database: {}", properties.describe());
            return new DemoDatabase(server, relay);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Bean
    HikariDataSource dataSource(DemoDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.server().jdbcUrl(database.port()));
        dataSource.setUsername(database.server().user());
        return dataSource;
    }
}

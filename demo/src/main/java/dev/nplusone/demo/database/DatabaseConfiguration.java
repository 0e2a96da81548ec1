package dev.nplusone.demo.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.tools.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's database: H2 in memory, but reached over TCP on this machine rather than inside the
 * application's own threads. Every statement then makes a round trip through a socket, as it does
 * to a real database server; in process, H2 answers in microseconds and would hide most of what
 * an N+1 costs.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static {
        // H2 listens on every interface unless told otherwise; read once, when H2 first starts.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /**
     * Port 0 takes any free port, so that several demos, and the tests, can run at once. H2 binds to
     * the loopback address (above) and accepts connections from this machine only (no
     * -tcpAllowOthers); -ifNotExists lets the application create its in-memory database through it.
     */
    @Bean(destroyMethod = "stop")
    Server databaseServer() throws SQLException {
        return Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    }

    /** A database of its own for each application context, so that test contexts do not share one. */
    @Bean
    HikariDataSource dataSource(Server databaseServer) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + databaseServer.getPort()
                + "/mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUsername("sa");
        return dataSource;
    }
}

package dev.nplusone.demo.database;

import java.sql.SQLException;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * H2 in memory, but reached over TCP on this machine rather than inside the application's own
 * threads. Every statement then makes a round trip through a socket, as it does to a real database
 * server; in process, H2 answers in microseconds and would hide most of what an N+1 costs.
 */
final class H2Database implements RunningDatabase {

    static {
        // H2 listens on every interface unless told otherwise; read once, when H2 first starts.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final Server server;
    /** A database of its own for each application context, so that test contexts do not share one. */
    private final String name = "demo-" + UUID.randomUUID();

    private H2Database(Server server) {
        this.server = server;
    }

    /**
     * Port 0 takes any free port, so that several demos, and the tests, can run at once. H2 binds to
     * the loopback address (above) and accepts connections from this machine only (no
     * -tcpAllowOthers); -ifNotExists lets the application create its in-memory database through it.
     */
    static H2Database start() throws SQLException {
        return new H2Database(Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start());
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public String jdbcUrl(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    public String user() {
        return "sa";
    }

    @Override
    public void close() {
        server.stop();
    }
}

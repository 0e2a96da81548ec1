package dev.nplusone.demo.database;

import java.io.Closeable;

/** A database server that the demo started on this machine, listening on a loopback port. */
interface RunningDatabase extends Closeable {

    /** The port the server listens on, on 127.0.0.1. */
    int port();

    /** The JDBC URL of the demo's database on a server reached at 127.0.0.1 and the given port. */
    String jdbcUrl(int port);

    String user();

    /** Stops the server; no process of it is left behind. */
    @Override
    void close();
}

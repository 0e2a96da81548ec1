package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.ConcurrentRequestsApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.nplusone.it.Report.triple;
import static dev.nplusone.it.apps.ConcurrentRequestsApp.CONCURRENT;
import static dev.nplusone.it.apps.ConcurrentRequestsApp.ROUNDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sixteen requests at once, each with a known number of statements: every statement lands in the
 * scope of the thread that ran it, so each scope's counts and each finding's repetitions are exact.
 */
class ConcurrencyIT {

    static final String SHAPE = "select v from numbers where n = ?";
    static final SourceLine STATEMENT = SourceLine.of(ConcurrentRequestsApp.class, "// one of the k statements");

    static Result result;
    static Report report;

    @BeforeAll
    static void runApplication() {
        result = ChildJvm.of("concurrency", ConcurrentRequestsApp.class).withAgent("").run().assertCleanRun();
        report = result.report();
    }

    @Test
    void theRequestsOfEachRoundRanAtTheSameTime() {
        assertTrue(result.stdout().contains("rounds not together: 0"),
                () -> "every handler waited for its whole round before running statements: " + result.stdout());
        String interleaved = result.stdout().stream().filter(l -> l.startsWith("interleaved requests: ")).findFirst().orElseThrow();
        int requests = Integer.parseInt(interleaved.substring("interleaved requests: ".length()));
        assertTrue(requests >= CONCURRENT, "requests whose statements had others' in between: " + requests);
    }

    @Test
    void everyScopeCountsExactlyItsOwnStatements() {
        for (int k = 1; k <= CONCURRENT; k++) {
            Report.Scope scope = report.scope("GET /work/w" + k);
            assertEquals(ROUNDS, scope.instances(), scope.name());
            assertEquals((long) ROUNDS * k, scope.statements().total(), scope.name());
            assertEquals(k, scope.statements().max(), scope.name());
        }
        int perRound = CONCURRENT * (CONCURRENT + 1) / 2;
        assertEquals(CONCURRENT, report.summary().scopes());
        assertEquals(ROUNDS * CONCURRENT, report.summary().scopeInstances());
        assertEquals(ConcurrentRequestsApp.SETUP.length + ROUNDS * perRound, report.summary().statements());
        assertEquals(ConcurrentRequestsApp.SETUP.length, report.summary().unscoped());
    }

    @Test
    void everyFindingHasExactlyItsRequestsRepetitions() {
        List<String> expected = new ArrayList<>();
        for (int k = 3; k <= CONCURRENT; k++) { // w1 and w2 are below the threshold of 3
            expected.add(triple("n_plus_one", "GET /work/w" + k, SHAPE));
        }
        report.assertFindings(expected.toArray(new String[0]));

        for (int k = 3; k <= CONCURRENT; k++) {
            Finding f = report.finding("n_plus_one", "GET /work/w" + k, SHAPE);
            assertEquals(k, f.repetitions(), f.scope());
            assertEquals(ROUNDS, f.occurrences(), f.scope());
            assertEquals((long) ROUNDS * k, f.totalRepetitions(), f.scope());
            assertEquals(STATEMENT.frame("work"), f.location(), f.scope());
        }
    }
}

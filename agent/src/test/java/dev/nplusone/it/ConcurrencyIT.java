package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.ConcurrentRequestsApp;
import dev.nplusone.it.apps.FailingRequestsApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.nplusone.it.Report.triple;
import static dev.nplusone.it.apps.ConcurrentRequestsApp.CONCURRENT;
import static dev.nplusone.it.apps.ConcurrentRequestsApp.ROUNDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sixteen requests at once, each with a known number of statements: every statement lands in the
 * scope of the thread that ran it, so each scope's counts and each finding's repetitions are exact.
 * And two hundred clients at once against Tomcat and one small pool, with requests that fail
 * half-way: every scope closes, exactly, and none spills into the next request of its thread.
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

    /**
     * {@link FailingRequestsApp}: 1,200 requests from 200 clients at once over a pool of 10
     * connections, four in five failing half-way (the servlet throws, the database refuses a
     * statement, the client disconnects, the client times out). Every request's scope holds exactly
     * its own statements: a scope left open by a failed request would take in the statements of the
     * next request on its thread, and its counts would be off.
     */
    @Test
    void requestsThatFailHalfWayCloseTheirScopesExactly() {
        ChildJvm child = ChildJvm.of("concurrency-failing", FailingRequestsApp.class);
        // As deployed: Tomcat's own servlet API only, not the older API jars the agent compiles against.
        Result failing = child.classpath(ChildJvm.testClasspathWithout("jakarta.servlet-api-", "javax.servlet-api-"))
                .args(child.dir().resolve("tomcat").toString()).withAgent("").run().assertCleanRun();
        assertTrue(failing.stdout().contains("client failures: 0"), failing::describe);
        Map<String, Integer> served = new TreeMap<>();
        for (String line : failing.stdout()) {
            if (line.startsWith("served ")) {
                served.put(line.substring("served ".length(), line.indexOf(':')), Integer.parseInt(line.substring(line.indexOf(": ") + 2)));
            }
        }
        for (String ending : FailingRequestsApp.ENDINGS) {
            assertTrue(served.keySet().stream().anyMatch(p -> p.startsWith(ending)), () -> "no request ended " + ending + ": " + served);
        }
        Report report = failing.report();
        long statements = 0;
        for (Map.Entry<String, Integer> path : served.entrySet()) {
            int k = Integer.parseInt(path.getKey().replaceAll("\\D", ""));
            Report.Scope scope = report.scope("GET /" + path.getKey());
            assertEquals((long) path.getValue(), scope.instances(), scope.name() + ": one instance per request served");
            assertEquals((long) k * path.getValue(), scope.statements().total(), scope.name() + ": exactly k statements each");
            assertEquals(k, scope.statements().max(), scope.name());
            statements += (long) k * path.getValue();
        }
        assertEquals(served.keySet().stream().map(p -> "GET /" + p).sorted().collect(Collectors.toList()),
                report.scopeNames().stream().sorted().collect(Collectors.toList()), "no other scope");
        assertEquals(2 + statements, report.summary().statements());
        assertEquals(2, report.summary().unscoped(), "only the set-up ran outside a request");
        System.out.println("concurrency: " + served.values().stream().mapToInt(Integer::intValue).sum() + " requests, "
                + statements + " statements, scopes exact");
    }
}

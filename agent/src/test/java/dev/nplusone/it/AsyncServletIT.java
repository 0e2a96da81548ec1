package dev.nplusone.it;

import dev.nplusone.it.apps.AsyncServletApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nplusone.it.Report.triple;
import static dev.nplusone.it.apps.AsyncServletApp.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Asynchronous servlet requests on Tomcat: each is one scope from the first dispatch until the
 * container completes it (or times it out), whichever threads ran its statements; the threads that
 * served it serve the next request with nothing left over.
 */
class AsyncServletIT {

    static final String LINES = "select sku from order_line where order_id = ?";
    static final SourceLine STATEMENT = SourceLine.of(AsyncServletApp.class, "// every query");
    static final SourceLine LOOP = SourceLine.of(AsyncServletApp.class, "// the lines of each order");

    static Report report;
    static Report perThread;

    @BeforeAll
    static void runApplication() {
        report = run("async-servlet", "");
        perThread = run("async-servlet-per-thread", "propagate=false");
    }

    private static Report run(String name, String options) {
        ChildJvm jvm = ChildJvm.of(name, AsyncServletApp.class).withAgent(options);
        jvm.classpath(ChildJvm.testClasspathWithout("jakarta.servlet-api-", "javax.servlet-api-"))
                .args(jvm.dir().resolve("tomcat").toString());
        Result result = jvm.run().assertCleanRun();
        assertEquals(List.of("done"), result.stdout());
        return result.report();
    }

    @Test
    void anAsynchronousRequestIsOneScopeUntilItCompletes() {
        // the filter's query, the orders, the lines of each
        assertScope(report, "GET /shop/start", 1 + 1 + ORDERS);
        assertScope(report, "GET /shop/pool", 1 + 1 + ORDERS);
        // and the asynchronous dispatch: the filter's query again and the servlet's own
        assertScope(report, "GET /shop/dispatch", 1 + 1 + ORDERS + 2);
        assertScope(report, "GET /shop/timeout", 1 + 1);
        assertScope(report, "GET /shop/plain", 1);
        assertEquals(5, report.summary().scopeInstances());
        assertEquals(AsyncServletApp.SETUP.length, report.summary().unscoped());
        assertEquals(0, report.summary().late());
    }

    @Test
    void theLinesOfEachOrderAreAnNPlusOneOfTheRequest() {
        report.assertFindings(
                triple("n_plus_one", "GET /shop/start", LINES),
                triple("n_plus_one", "GET /shop/pool", LINES),
                triple("n_plus_one", "GET /shop/dispatch", LINES),
                // the filter runs once per dispatch, both in the one request
                triple("duplicate", "GET /shop/dispatch", "select customer from orders where id = ?"));
        for (String scope : new String[] {"GET /shop/start", "GET /shop/pool", "GET /shop/dispatch"}) {
            Report.Finding f = report.finding("n_plus_one", scope, LINES);
            assertEquals(ORDERS, f.repetitions(), scope);
            assertEquals(STATEMENT.frame("query"), f.location(), scope);
            assertEquals(LOOP.frame("lines"), f.stack().get(1), scope);
        }
    }

    @Test
    void withPropagationOffTheScopeEndsWithItsFirstThread() {
        assertScope(perThread, "GET /shop/start", 1 + 1);
        assertScope(perThread, "GET /shop/pool", 1 + 1);
        assertEquals(2, perThread.scope("GET /shop/dispatch").instances(), "the first dispatch and the asynchronous one, each its own");
        perThread.assertFindings();
    }

    private static void assertScope(Report report, String name, int statements) {
        Report.Scope scope = report.scope(name);
        assertEquals(1, scope.instances(), name);
        assertEquals(statements, scope.statements().total(), name);
    }
}

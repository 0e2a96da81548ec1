package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.TomcatApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests to an embedded Tomcat 11 are scopes opened by the outermost filter or servlet; a
 * forward or an include stays inside the request's one scope, named by the request's own URI.
 */
class TomcatIT {

    static final String LINES = "select sku, quantity from order_line where order_id = ?";
    static final String ORDERS = "select id, customer from orders order by id";

    static final SourceLine N_PLUS_ONE = SourceLine.of(TomcatApp.OrdersServlet.class, "// N+1: lines of each order");
    static final SourceLine FILTER = SourceLine.of(TomcatApp.UserFilter.class, "// filter passes on");
    static final SourceLine FORWARD = SourceLine.of(TomcatApp.LegacyServlet.class, "// forwards to /orders");
    static final SourceLine INCLUDE = SourceLine.of(TomcatApp.PageServlet.class, "// includes /orders");

    static Result result;
    static Report report;

    @BeforeAll
    static void runApplication() {
        ChildJvm jvm = ChildJvm.of("tomcat", TomcatApp.class).withAgent("");
        // As deployed: Tomcat's own servlet 6.1 API only, not the older API jars the agent compiles against.
        jvm.classpath(ChildJvm.testClasspathWithout("jakarta.servlet-api-", "javax.servlet-api-"))
                .args(jvm.dir().resolve("tomcat").toString());
        result = jvm.run().assertCleanRun();
        report = result.report();
    }

    @Test
    void oneScopePerRequestIncludingForwardsAndIncludes() {
        assertEquals(List.of("done"), result.stdout());
        assertScope("GET /shop/orders", 1 + 1 + TomcatApp.ORDERS);
        assertScope("GET /shop/legacy/orders", 1 + 1 + TomcatApp.ORDERS);
        assertScope("GET /shop/page", 1 + 1 + 1 + TomcatApp.ORDERS);
        assertScope("POST /shop/orders", 1 + 1);
        assertEquals(4, report.summary().scopes(), () -> "no scope for the forward's or include's target: " + report.scopeNames());
        assertEquals(4, report.summary().scopeInstances());
        assertEquals(TomcatApp.SETUP.length + 5 + 5 + 6 + 2, report.summary().statements());
        assertEquals(TomcatApp.SETUP.length, report.summary().unscoped());
    }

    @Test
    void findsTheNPlusOneInTheServletWhicheverWayItWasReached() {
        report.assertFindings(
                triple("n_plus_one", "GET /shop/orders", LINES),
                triple("n_plus_one", "GET /shop/legacy/orders", LINES),
                triple("n_plus_one", "GET /shop/page", LINES));

        // Only application frames: the servlet, whoever dispatched to it, and the filter.
        assertFinding("GET /shop/orders", List.of(N_PLUS_ONE.frame("doGet"), FILTER.frame("doFilter")));
        assertFinding("GET /shop/legacy/orders", List.of(N_PLUS_ONE.frame("doGet"), FORWARD.frame("doGet"), FILTER.frame("doFilter")));
        assertFinding("GET /shop/page", List.of(N_PLUS_ONE.frame("doGet"), INCLUDE.frame("doGet"), FILTER.frame("doFilter")));
    }

    private static void assertScope(String name, int statements) {
        Report.Scope scope = report.scope(name);
        assertEquals("http", scope.kind(), name);
        assertEquals(1, scope.instances(), name);
        assertEquals(statements, scope.statements().total(), name);
        assertEquals(statements, scope.statements().max(), name);
    }

    private static void assertFinding(String scope, List<String> stack) {
        Finding f = report.finding("n_plus_one", scope, LINES);
        assertEquals(List.of(scope), f.path());
        assertEquals(TomcatApp.ORDERS, f.repetitions(), scope);
        assertEquals(1, f.occurrences(), scope);
        assertEquals(N_PLUS_ONE.frame("doGet"), f.location(), scope);
        assertEquals(stack, f.stack(), scope);
        assertEquals(ORDERS, f.trigger(), scope);
    }
}

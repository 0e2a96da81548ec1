package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.JavaxServletApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same request scopes on an embedded Tomcat 9, the last container on {@code javax.servlet}:
 * one scope per request, opened by the outermost filter or servlet, named by the route with
 * numeric segments as {@code {id}}, or by Spring MVC's route template when the handler left one.
 */
class JavaxServletIT {

    static final String PRODUCT = "select name from product where id = ?";
    static final String ITEMS = "select product_id from purchase_item where purchase_id = ? order by product_id";

    static final SourceLine N_PLUS_ONE = SourceLine.of(JavaxServletApp.OrdersServlet.class, "// N+1: product of each item");
    static final SourceLine FILTER = SourceLine.of(JavaxServletApp.AuditFilter.class, "// audit filter passes on");
    static final SourceLine FORWARD = SourceLine.of(JavaxServletApp.LegacyServlet.class, "// forwards to /orders/<id>");

    /** Per request: the filter's query, the items, one product per item. */
    static final int ORDER_7 = 1 + 1 + JavaxServletApp.ITEMS_OF_7;
    static final int ORDER_8 = 1 + 1 + JavaxServletApp.ITEMS_OF_8;
    /** Per request: the filter's query and the thing's. */
    static final int THING = 1 + 1;

    static Result result;
    static Report report;

    @BeforeAll
    static void runApplication() {
        ChildJvm jvm = ChildJvm.of("javax-servlet", JavaxServletApp.class).withAgent("");
        // Tomcat 9, which bundles javax.servlet; no Tomcat 11 and no servlet API jars of the test class path.
        jvm.classpath(List.of(ChildJvm.testClasses(), ChildJvm.javaxTomcat(), ChildJvm.jar("h2-")))
                .args(jvm.dir().resolve("tomcat").toString());
        result = jvm.run().assertCleanRun();
        report = result.report();
    }

    @Test
    void theApplicationRanOnTomcat9() {
        assertEquals(List.of(
                "server: Apache Tomcat/9.0.98",
                "/orders/7: apple pear plum",
                "/orders/8: apple pear plum fig",
                "/legacy/orders/7: apple pear plum",
                "/things/abc: Alpha",
                "/things/xyz: Omega",
                "done"), result.stdout(), result::describe);
    }

    @Test
    void oneScopePerRequestNamedByRouteWithTheForwardInside() {
        assertScope("GET /orders/{id}", 2, ORDER_7 + ORDER_8, ORDER_8);
        assertScope("GET /legacy/orders/{id}", 1, ORDER_7, ORDER_7);
        assertScope("GET /things/{slug}", 2, 2 * THING, THING);
        assertEquals(3, report.summary().scopes(), () -> "scopes: " + report.scopeNames());
        assertEquals(5, report.summary().scopeInstances());
        assertEquals(JavaxServletApp.SETUP.length + ORDER_7 + ORDER_8 + ORDER_7 + 2 * THING, report.summary().statements());
        assertEquals(JavaxServletApp.SETUP.length, report.summary().unscoped());
    }

    @Test
    void findsTheNPlusOneInTheServletWhicheverWayItWasReached() {
        report.assertFindings(
                triple("n_plus_one", "GET /orders/{id}", PRODUCT),
                triple("n_plus_one", "GET /legacy/orders/{id}", PRODUCT));

        Finding direct = assertFinding("GET /orders/{id}", List.of(N_PLUS_ONE.frame("doGet"), FILTER.frame("doFilter")));
        assertEquals(2, direct.occurrences());
        assertEquals(JavaxServletApp.ITEMS_OF_8, direct.repetitions());
        assertEquals(JavaxServletApp.ITEMS_OF_7 + JavaxServletApp.ITEMS_OF_8, direct.totalRepetitions());

        Finding forwarded = assertFinding("GET /legacy/orders/{id}",
                List.of(N_PLUS_ONE.frame("doGet"), FORWARD.frame("doGet"), FILTER.frame("doFilter")));
        assertEquals(1, forwarded.occurrences());
        assertEquals(JavaxServletApp.ITEMS_OF_7, forwarded.repetitions());
        assertEquals(JavaxServletApp.ITEMS_OF_7, forwarded.totalRepetitions());
    }

    private static void assertScope(String name, long instances, long total, long max) {
        Report.Scope scope = report.scope(name);
        assertEquals("http", scope.kind(), name);
        assertEquals(instances, scope.instances(), name + ": instances");
        assertEquals(total, scope.statements().total(), name + ": statements");
        assertEquals(max, scope.statements().max(), name + ": most statements in one request");
    }

    private static Finding assertFinding(String scope, List<String> stack) {
        Finding f = report.finding("n_plus_one", scope, PRODUCT);
        assertEquals(List.of(scope), f.path(), scope);
        assertEquals(N_PLUS_ONE.frame("doGet"), f.location(), scope);
        assertEquals(stack, f.stack(), scope);
        assertEquals(ITEMS, f.trigger(), scope);
        return f;
    }
}

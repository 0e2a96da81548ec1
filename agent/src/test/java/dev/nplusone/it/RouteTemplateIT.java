package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.RouteTemplateApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request scope is renamed, when it closes, after the route template a handler left on the
 * request (Spring MVC's best matching pattern, after the context path), so that requests to one
 * route aggregate even when their paths differ in words, which would otherwise name them apart.
 * The findings made in those scopes carry the template name too.
 */
class RouteTemplateIT {

    static final String TAG = "select name from tag where id = ?";
    static final String TAGS_OF_THING = "select tag_id from thing_tag where slug = ? order by tag_id";

    static final SourceLine N_PLUS_ONE = SourceLine.of(RouteTemplateApp.ThingsServlet.class, "// N+1: each tag of the thing");

    /** Per request to /things/...: the tags, then each tag. */
    static final int THING = 1 + RouteTemplateApp.TAGS;

    static Result result;
    static Report report;

    @BeforeAll
    static void runApplication() {
        ChildJvm jvm = ChildJvm.of("route-template", RouteTemplateApp.class).withAgent("");
        jvm.classpath(ChildJvm.testClasspathWithout("jakarta.servlet-api-", "javax.servlet-api-"))
                .args(jvm.dir().resolve("tomcat").toString());
        result = jvm.run().assertCleanRun();
        report = result.report();
    }

    @Test
    void everyRequestWasServed() {
        assertEquals(List.of(
                "/things/abc: red green blue",
                "/things/xyz: red green blue",
                "/items/apple: 3",
                "/items/pear: 4",
                "/plain/abc: 3",
                "/plain/xyz: 3",
                "/shop/things/abc: red green blue",
                "done"), result.stdout(), result::describe);
    }

    @Test
    void requestsToOneTemplateAggregateIntoOneScope() {
        assertScope("GET /things/{slug}", 2, 2 * THING, THING);
        // A template that is not a String: its toString() names the scope.
        assertScope("GET /items/{code}", 2, 2, 1);
        // The context path goes before the template, which Spring gives without it.
        assertScope("GET /shop/things/{slug}", 1, THING, THING);
        // Without a template, words in the path are not identifiers: one name per path.
        assertScope("GET /plain/abc", 1, 1, 1);
        assertScope("GET /plain/xyz", 1, 1, 1);
        assertEquals(List.of("GET /items/{code}", "GET /plain/abc", "GET /plain/xyz", "GET /shop/things/{slug}", "GET /things/{slug}"),
                report.scopeNames().stream().sorted().toList(), "no scope named by a request's own path where a template was set");
        assertEquals(RouteTemplateApp.REQUESTS.length, report.summary().scopeInstances());
        assertEquals(RouteTemplateApp.SETUP.length + 3 * THING + 2 + 2, report.summary().statements());
        assertEquals(RouteTemplateApp.SETUP.length, report.summary().unscoped());
    }

    @Test
    void findingsCarryTheTemplateName() {
        report.assertFindings(
                triple("n_plus_one", "GET /things/{slug}", TAG),
                triple("n_plus_one", "GET /shop/things/{slug}", TAG));

        Finding both = assertFinding("GET /things/{slug}");
        assertEquals(2, both.occurrences());
        assertEquals(2 * RouteTemplateApp.TAGS, both.totalRepetitions());

        Finding shop = assertFinding("GET /shop/things/{slug}");
        assertEquals(1, shop.occurrences());
        assertEquals(RouteTemplateApp.TAGS, shop.totalRepetitions());
    }

    private static void assertScope(String name, long instances, long total, long max) {
        Report.Scope scope = report.scope(name);
        assertEquals("http", scope.kind(), name);
        assertEquals(instances, scope.instances(), name + ": instances");
        assertEquals(total, scope.statements().total(), name + ": statements");
        assertEquals(max, scope.statements().max(), name + ": most statements in one request");
    }

    private static Finding assertFinding(String scope) {
        Finding f = report.finding("n_plus_one", scope, TAG);
        assertEquals(List.of(scope), f.path(), scope);
        assertEquals(RouteTemplateApp.TAGS, f.repetitions(), scope);
        assertEquals(N_PLUS_ONE.frame("doGet"), f.location(), scope);
        assertEquals(List.of(N_PLUS_ONE.frame("doGet")), f.stack(), scope);
        assertEquals(TAGS_OF_THING, f.trigger(), scope);
        return f;
    }
}

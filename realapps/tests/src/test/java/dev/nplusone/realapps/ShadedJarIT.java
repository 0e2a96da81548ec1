package dev.nplusone.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.realapps.AgentReport.Expected;
import dev.nplusone.realapps.AgentReport.Finding;
import dev.nplusone.testkit.BuildProperties;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue service (realapps/shaded-app): one jar holding the application, in
 * org.springframework.shadedsample, and its libraries (HikariCP, H2, slf4j) side by side, unrelocated.
 * It serves one request on the JDK's HTTP server and exits.
 */
class ShadedJarIT {

    static final String PACKAGE = "org.springframework.shadedsample";
    // Eight product groups, each with its products' select.
    static final Expected PRODUCTS = new Expected("GET /catalog", "n_plus_one",
            frame("catalog.Catalog", "products", "// N+1: the products of each group"), 8);
    static final String LOOP = frame("catalog.Catalog", "describe", "// each group's products");

    @Test
    void nPlusOneIsInTheApplicationsSubPackageNotInThePoolBesideIt() {
        AgentReport report;
        try (AppJvm service = AppJvm.jar("shaded", BuildProperties.path("realapps.shadedJar"))) {
            URI base = service.start().awaitListening();
            Http.get(base.resolve("/catalog"), "Fountain pen");
            report = service.awaitExit();
        }
        Finding finding = report.assertFinding(PRODUCTS);
        // Application frames only, innermost first: the query, then the loop over the groups.
        assertEquals(List.of(PRODUCTS.location(), LOOP), finding.stack().subList(0, Math.min(2, finding.stack().size())), finding::toString);
        report.assertOnly(PACKAGE, List.of(PRODUCTS));
        report.assertTriggersAreQueries();
    }

    private static String frame(String relativeClass, String method, String marker) {
        return SourceMarker.frame("shaded-app", PACKAGE + "." + relativeClass, method, marker);
    }
}

package dev.nplusone.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.realapps.AgentReport.Expected;
import dev.nplusone.realapps.AgentReport.Finding;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Spring Boot library application (realapps/boot-app) under the agent, however it is launched:
 * each page and endpoint once, then the report. Its package, org.springframework.samples.library, is
 * Spring's own prefix; the agent must still name the library's lines, and say they are the
 * application's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibraryAppChecks {

    static final String PACKAGE = "org.springframework.samples.library";
    private static final String MODULE = "boot-app";

    // Seed data (boot-app's data.sql): 5 authors, 4 shelves, 7 books, 9 categories; 6 readers signed up below.
    static final Expected TEMPLATE = new Expected("GET /authors", "n_plus_one",
            frame("web.AuthorPage", "titles", "// N+1: the books of each author"), 5);
    /** A template walking the lazy association itself: no application frame is on the stack when it loads. */
    static final String TEMPLATE_ONLY = "GET /authors/index";
    static final Expected SERVICE = new Expected("GET /api/shelves", "n_plus_one",
            frame("catalog.ShelfService", "summaries", "// N+1: the books of each shelf"), 4);
    static final Expected FORMATTER = new Expected("GET /books", "duplicate",
            frame("web.LanguageFormatter", "print", "// duplicate: the lookup table"), 7);
    static final Expected RECURSION = new Expected("GET /api/categories/tree", "n_plus_one",
            frame("catalog.CategoryService", "load", "// N+1: the children of each node"), 9);
    static final Expected INSERTS = new Expected("POST /api/talks/{talkId}/attendees", "batchable",
            frame("events.RegistrationService", "register", "// batchable: one insert per reader"), 6);

    private AppJvm app;
    private AgentReport report;

    /** The library, started under the agent in a child JVM named {@code name}, not yet listening. */
    abstract AppJvm launch(String name);

    @BeforeAll
    void runTheLibraryUnderTheAgent() {
        app = launch(getClass().getSimpleName()).start();
        URI base = app.awaitListening();
        Http.get(base.resolve("/authors"), "Ursula K. Le Guin");
        Http.get(base.resolve("/authors/index"), "Die linke Hand der Dunkelheit");
        Http.get(base.resolve("/books"), "French");
        Http.get(base.resolve("/api/shelves"), "\"titles\"");
        Http.get(base.resolve("/api/categories/tree"), "Astronomy");
        Http.postJson(base.resolve("/api/talks/1/attendees"), "[\"Ada\",\"Ben\",\"Cleo\",\"Dev\",\"Eun\",\"Finn\"]", 201, "[");
        report = app.stop();
    }

    @AfterAll
    void stopTheLibrary() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * The books load while Thymeleaf renders, after the controller returned: the frame to name is
     * the view helper the template calls for each row, not the template engine.
     */
    @Test
    void nPlusOneWhileATemplateRendersIsAtTheViewHelper() {
        Finding finding = report.assertFinding(TEMPLATE);
        assertEquals(PACKAGE + ".catalog.Author.books", finding.association(), finding::toString);
        assertTrue(finding.trigger() != null && finding.trigger().contains(" from author "), () -> "the authors' select as trigger: " + finding);
        report.assertTypesIn(TEMPLATE.scope(), "n_plus_one");
    }

    /**
     * When nothing of the application is on the stack (Thymeleaf iterating a lazy collection that
     * the entity's getter returned), the finding says the location is the framework's, puts it at
     * the framework code that called into the data access, and names the association to fix.
     */
    @Test
    void nPlusOneWithNoApplicationFrameIsFrameworkAndNamesTheAssociation() {
        List<Finding> findings = report.findingsIn(TEMPLATE_ONLY);
        assertEquals(1, findings.size(), report::describe);
        Finding finding = findings.get(0);
        assertEquals("n_plus_one", finding.type(), finding::toString);
        assertEquals(5, finding.repetitions(), finding::toString);
        assertEquals(PACKAGE + ".catalog.Author.books", finding.association(), finding::toString);
        assertEquals("framework", finding.locationKind(), finding::toString);
        assertTrue(finding.stack().stream().noneMatch(frame -> frame.startsWith(PACKAGE + ".")),
                () -> "no frame of the application was on the stack: " + finding.stack());
        // The frame that called into the data access: the template engine iterating the collection,
        // not the pool, the driver or Hibernate below it.
        assertTrue(finding.location().startsWith("org.thymeleaf."), () -> "the template engine's frame: " + finding.stack());
        assertTrue(finding.stack().stream().noneMatch(frame -> frame.startsWith("com.zaxxer.hikari.") || frame.startsWith("org.h2.")
                || frame.startsWith("org.hibernate.")), () -> "nothing of the data access below it: " + finding.stack());
    }

    /** Through a @Transactional service's CGLIB proxy and Spring Data's repository proxies: the service's loop. */
    @Test
    void nPlusOneThroughRepositoryProxiesIsAtTheService() {
        Finding finding = report.assertFinding(SERVICE);
        assertTrue(finding.trigger() != null && finding.trigger().contains(" from shelf "), () -> "the shelves' select as trigger: " + finding);
        report.assertTypesIn(SERVICE.scope(), "n_plus_one");
    }

    /** A Formatter registered with Spring MVC, called by the conversion service for each value a page shows. */
    @Test
    void duplicateLookupIsAtTheFormatter() {
        report.assertFinding(FORMATTER);
        // The same statement with the same (no) parameters: a duplicate, never an N+1.
        report.assertTypesIn(FORMATTER.scope(), "duplicate");
    }

    /** The same line reached at every depth of a recursion is one call site: one N+1, every node counted. */
    @Test
    void recursiveLoaderIsOneNPlusOneCountingEveryNode() {
        report.assertFinding(RECURSION);
        report.assertTypesIn(RECURSION.scope(), "n_plus_one");
    }

    /** Inserts repeated from one line: batchable, and not an N+1 (nothing was read per parent). */
    @Test
    void insertsInALoopAreBatchableNotAnNPlusOne() {
        report.assertFinding(INSERTS);
        report.assertTypesIn(INSERTS.scope(), "batchable");
    }

    @Test
    void everyFindingIsAtTheApplicationsOwnLine() {
        report.assertOnly(PACKAGE, List.of(TEMPLATE, SERVICE, FORMATTER, RECURSION, INSERTS), TEMPLATE_ONLY);
        report.assertTriggersAreQueries();
    }

    private static String frame(String relativeClass, String method, String marker) {
        return SourceMarker.frame(MODULE, PACKAGE + "." + relativeClass, method, marker);
    }
}

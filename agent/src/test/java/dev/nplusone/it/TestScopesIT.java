package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.BookShelfSpec;
import dev.nplusone.it.apps.Junit4ShelfSpec;
import dev.nplusone.it.apps.ShelfContract;
import dev.nplusone.it.apps.ShelfPerAuthorSpec;
import dev.nplusone.it.apps.TestRunnerApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With the agent in a JUnit Platform JVM, every test invocation is a scope of kind {@code test},
 * named after the class that ran it, as JUnit reports it, and numbered as JUnit numbers it.
 */
class TestScopesIT {

    static final String CLASS = BookShelfSpec.class.getName();
    static final String SMALL = ShelfContract.SmallShelfSpec.class.getName();
    static final String LARGE = ShelfContract.LargeShelfSpec.class.getName();
    static final String VOLUMES_OF_WRITER = "select title from volume where writer_id = ?";

    static Result result;
    static Report report;

    @BeforeAll
    static void runTheSuite() {
        result = ChildJvm.of("test-scopes", TestRunnerApp.class).withAgent("").run().assertCleanRun();
        report = result.report();
    }

    @Test
    void theSuiteRanAsUsual() {
        assertEquals(List.of("tests 16 passed, 0 failed", "junit4 1 passed, 0 failed"), result.stdout(), result::describe);
    }

    @Test
    void eachTestMethodIsAScopeNamedClassHashMethod() {
        Report.Scope n1 = report.scope(CLASS + "#loadsBooksOneAuthorAtATime");
        assertEquals("test", n1.kind());
        assertEquals(1, n1.instances());
        assertEquals(1 + BookShelfSpec.AUTHORS, n1.statements().max());
        Report.Scope clean = report.scope(CLASS + "#loadsAllBooksAtOnce");
        assertEquals(1, clean.instances(), "its own run; the tests that call it open no scope for it");
        assertEquals(1, clean.statements().total());
    }

    @Test
    void eachInvocationOfATemplateIsAScopeNumberedAsJunitNumbersIt() {
        for (int i = 1; i <= 3; i++) {
            Report.Scope invocation = report.scope(CLASS + "#loadsOneAuthor[" + i + "]");
            assertEquals(1, invocation.instances());
            assertEquals(1, invocation.statements().total());
        }
        for (int i = 1; i <= 2; i++) {
            Report.Scope repetition = report.scope(CLASS + "#rereadsTheShelf[" + i + "]");
            assertEquals(1, repetition.instances());
            assertEquals(1, repetition.statements().total(), "the test method it calls counts in its scope");
        }
        assertFalse(report.scopeNames().contains(CLASS + "#loadsOneAuthor"), () -> report.scopeNames().toString());
        assertFalse(report.scopeNames().contains(CLASS + "#rereadsTheShelf"), () -> report.scopeNames().toString());
    }

    @Test
    void eachRunOfAParameterizedClassIsNumberedInTheClassPartOfTheName() {
        for (int i = 1; i <= 2; i++) {
            assertEquals(1, report.scope(ShelfPerAuthorSpec.class.getName() + "[" + i + "]#loadsTheAuthor").statements().total());
        }
    }

    @Test
    void eachDynamicTestIsAScopeNumberedInsideItsFactoryAndContainer() {
        assertEquals(1, report.scope(CLASS + "#shelves[1]").statements().total());
        assertEquals(1, report.scope(CLASS + "#shelves[2][1]").statements().total());
        assertEquals(1 + BookShelfSpec.AUTHORS, report.scope(CLASS + "#shelves[2][2]").statements().total());
        assertEquals(0, report.scope(CLASS + "#shelves").statements().total(), "the factory method itself only builds them");
        Finding f = report.finding("n_plus_one", CLASS + "#shelves[2][2]", "select id from book where author_id = ?");
        assertEquals(List.of(CLASS + "#shelves[2][2]"), f.path());
        assertEquals(SourceLine.of(BookShelfSpec.class, "// N+1: books of each author, in a dynamic test").frame("booksOfEachAuthor"),
                f.location());
    }

    @Test
    void aNestedClassNamesItsTests() {
        assertEquals(1, report.scope(CLASS + "$WhenEmpty#findsNoBooks").statements().total());
    }

    @Test
    void aTestDeclaredInAnAbstractClassIsAScopePerSubclassWithItsOwnCount() {
        SourceLine declared = SourceLine.of(ShelfContract.class, "// N+1: volumes of each writer, declared once");
        Finding small = report.finding("n_plus_one", SMALL + "#loadsEachWritersVolumes", VOLUMES_OF_WRITER);
        Finding large = report.finding("n_plus_one", LARGE + "#loadsEachWritersVolumes", VOLUMES_OF_WRITER);
        assertEquals(3, small.repetitions());
        assertEquals(5, large.repetitions());
        // The location keeps the class that declares the loop.
        assertEquals(declared.frame("loadsEachWritersVolumes"), small.location());
        assertEquals(declared.frame("loadsEachWritersVolumes"), large.location());
        assertEquals(1 + 3, report.scope(SMALL + "#loadsEachWritersVolumes").statements().max());
        assertEquals(1 + 5, report.scope(LARGE + "#loadsEachWritersVolumes").statements().max());
        assertEquals(1, report.scope(SMALL + "#countsVolumes").statements().total(), "a default method of a test interface");
        assertFalse(report.scopeNames().stream().anyMatch(n -> n.startsWith(ShelfContract.class.getName() + "#")), () -> report.scopeNames().toString());
    }

    @Test
    void aJunit4TestIsNamedAfterItsInstancesClass() {
        Finding f = report.finding("n_plus_one", Junit4ShelfSpec.class.getName() + "#loadsEachWritersVolumesOnJunit4",
                "select id from volume where writer_id = ?");
        assertEquals(ShelfContract.WRITERS, f.repetitions());
        // Declared in Junit4ShelfContract, a class of the same source file.
        SourceLine loop = SourceLine.of(Junit4ShelfSpec.class, "// N+1: volumes of each writer, on JUnit 4");
        assertEquals(loop.frame("loadsEachWritersVolumesOnJunit4").replace("Junit4ShelfSpec.load", "Junit4ShelfContract.load"),
                f.location());
    }

    @Test
    void theNPlusOneIsFoundInItsTestAtItsLine() {
        Finding f = report.finding("n_plus_one", CLASS + "#loadsBooksOneAuthorAtATime", "select title from book where author_id = ?");
        assertEquals(BookShelfSpec.AUTHORS, f.repetitions());
        assertEquals(List.of(CLASS + "#loadsBooksOneAuthorAtATime"), f.path());
        assertEquals(SourceLine.of(BookShelfSpec.class, "// N+1: books of each author, in a test").frame("loadsBooksOneAuthorAtATime"),
                f.location());
        assertEquals("select id from author order by id", f.trigger());
        report.assertFindings(
                Report.triple("n_plus_one", CLASS + "#loadsBooksOneAuthorAtATime", "select title from book where author_id = ?"),
                Report.triple("n_plus_one", CLASS + "#shelves[2][2]", "select id from book where author_id = ?"),
                Report.triple("n_plus_one", SMALL + "#loadsEachWritersVolumes", VOLUMES_OF_WRITER),
                Report.triple("n_plus_one", LARGE + "#loadsEachWritersVolumes", VOLUMES_OF_WRITER),
                Report.triple("n_plus_one", Junit4ShelfSpec.class.getName() + "#loadsEachWritersVolumesOnJunit4",
                        "select id from volume where writer_id = ?"));
    }
}

package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.BookShelfSpec;
import dev.nplusone.it.apps.TestRunnerApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With the agent in a JUnit Platform JVM, every test method invocation is a scope of kind {@code test}. */
class TestScopesIT {

    static final String CLASS = BookShelfSpec.class.getName();

    static Result result;
    static Report report;

    @BeforeAll
    static void runTheSuite() {
        result = ChildJvm.of("test-scopes", TestRunnerApp.class).withAgent("").run().assertCleanRun();
        report = result.report();
    }

    @Test
    void theSuiteRanAsUsual() {
        assertEquals(List.of("tests 5 passed, 0 failed"), result.stdout(), result::describe);
    }

    @Test
    void eachTestMethodIsAScopeNamedClassHashMethod() {
        Report.Scope n1 = report.scope(CLASS + "#loadsBooksOneAuthorAtATime");
        assertEquals("test", n1.kind());
        assertEquals(1, n1.instances());
        assertEquals(1 + BookShelfSpec.AUTHORS, n1.statements().max());
        Report.Scope clean = report.scope(CLASS + "#loadsAllBooksAtOnce");
        assertEquals(1, clean.statements().total());
        Report.Scope parameterized = report.scope(CLASS + "#loadsOneAuthor");
        assertEquals(3, parameterized.instances(), "one scope per invocation");
        assertEquals(3, parameterized.statements().total());
    }

    @Test
    void theNPlusOneIsFoundInItsTestAtItsLine() {
        Finding f = report.finding("n_plus_one", CLASS + "#loadsBooksOneAuthorAtATime", "select title from book where author_id = ?");
        assertEquals(BookShelfSpec.AUTHORS, f.repetitions());
        assertEquals(List.of(CLASS + "#loadsBooksOneAuthorAtATime"), f.path());
        assertEquals(SourceLine.of(BookShelfSpec.class, "// N+1: books of each author, in a test").frame("loadsBooksOneAuthorAtATime"),
                f.location());
        assertEquals("select id from author order by id", f.trigger());
        assertEquals(1, report.findings().size(), report::describeFindings);
    }
}

package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.PackagesApp;
import dev.nplusone.it.apps.lib.Repository;
import dev.nplusone.it.apps.packages.Service;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nplusone.testkit.LogEntry.only;
import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Option {@code packages}: when frames of the named packages are on the stack, a finding is
 * reported at the first of them and its stack holds only those; otherwise the innermost
 * application frame as without the option. One {@link PackagesApp} run without the option, one
 * with it (two prefixes, {@code ;}-separated, one matching nothing), side by side.
 */
class PackagesOptionIT {

    static final String PACKAGE = Service.class.getPackageName();
    static final String BOOKS = "select title from book where author_id = ?";
    static final String AUTHORS = "select id from author order by id";

    static final SourceLine LOOP = SourceLine.of(Repository.class, "// N+1: books of each author");
    static final SourceLine LOAD = SourceLine.of(Service.class, "// service loads the books of each author");
    static final SourceLine REPORT = SourceLine.of(Service.class, "// service report loads");
    static final SourceLine MAIN_VIA_SERVICE = SourceLine.of(PackagesApp.class, "// app calls the service");
    static final SourceLine MAIN_DIRECT = SourceLine.of(PackagesApp.class, "// app calls the repository itself");

    static Result without;
    static Result with;

    @BeforeAll
    static void runApplication() {
        try (ChildJvm.Running a = ChildJvm.of("packages-without", PackagesApp.class).withAgent("").start();
             ChildJvm.Running b = ChildJvm.of("packages-with", PackagesApp.class)
                     .withAgent("packages=com.example.absent;" + PACKAGE).start()) {
            without = a.await().assertCleanRun();
            with = b.await().assertCleanRun();
        }
    }

    @Test
    void bothRunsSeeTheSameStatementsAndFindings() {
        for (Result r : List.of(without, with)) {
            assertEquals(List.of(PackagesApp.VIA_SERVICE + ": 5", PackagesApp.DIRECT + ": 5"), r.stdout(), r::describe);
            Report report = r.report();
            report.assertFindings(
                    triple("n_plus_one", PackagesApp.VIA_SERVICE, BOOKS),
                    triple("n_plus_one", PackagesApp.DIRECT, BOOKS));
            assertEquals(PackagesApp.SETUP.length + 2 * (1 + PackagesApp.AUTHORS), report.summary().statements(), r.name());
            for (String scope : List.of(PackagesApp.VIA_SERVICE, PackagesApp.DIRECT)) {
                Finding f = report.finding("n_plus_one", scope, BOOKS);
                assertEquals(PackagesApp.AUTHORS, f.repetitions(), r.name() + " " + scope);
                assertEquals(AUTHORS, f.trigger(), r.name() + " " + scope);
            }
        }
    }

    @Test
    void withoutTheOptionTheLocationIsTheInnermostApplicationFrame() {
        Report report = without.report();
        Finding viaService = report.finding("n_plus_one", PackagesApp.VIA_SERVICE, BOOKS);
        assertEquals(LOOP.frame("booksOf"), viaService.location());
        assertEquals(List.of(LOOP.frame("booksOf"), LOAD.frame("load"), REPORT.frame("report"), MAIN_VIA_SERVICE.frame("main")),
                viaService.stack());
        assertEquals(LOOP.frame("booksOf"), findingLog(without, PackagesApp.VIA_SERVICE).field("location"));
        assertDirect(without);
    }

    @Test
    void withTheOptionTheLocationIsTheFirstFrameOfTheNamedPackage() {
        Report report = with.report();
        Finding viaService = report.finding("n_plus_one", PackagesApp.VIA_SERVICE, BOOKS);
        assertEquals(LOAD.frame("load"), viaService.location());
        assertEquals(List.of(LOAD.frame("load"), REPORT.frame("report")), viaService.stack());
        assertTrue(viaService.stack().stream().allMatch(frame -> frame.startsWith(PACKAGE + ".")), viaService.stack()::toString);
        assertEquals(LOAD.frame("load"), findingLog(with, PackagesApp.VIA_SERVICE).field("location"));
    }

    @Test
    void withTheOptionButNoFrameOfThePackageApplicationFramesAsUsual() {
        assertDirect(with);
    }

    private static void assertDirect(Result r) {
        Finding direct = r.report().finding("n_plus_one", PackagesApp.DIRECT, BOOKS);
        assertEquals(LOOP.frame("booksOf"), direct.location(), r.name());
        assertEquals(List.of(LOOP.frame("booksOf"), MAIN_DIRECT.frame("main")), direct.stack(), r.name());
    }

    private static LogEntry findingLog(Result r, String scope) {
        return only(r.log(), "nplusone.findings", "N+1 query in " + scope + ":");
    }
}

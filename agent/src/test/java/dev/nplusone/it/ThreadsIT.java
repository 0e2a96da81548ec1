package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.threads.ThreadsApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static dev.nplusone.it.Report.triple;
import static dev.nplusone.it.apps.threads.ThreadsApp.CHILDREN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scopes that cross threads: handlers that fan their lookups out to pools, fork/join, completable
 * futures and new threads find the N+1 of their scope, counted exactly, located at the statement and
 * joined to the loop that fanned out; what outlives a scope is late, and pool threads carry nothing
 * from one scope to the next. With {@code propagate=false}, scopes stay on their threads.
 */
class ThreadsIT {

    static final String CHILD = "select name from child where parent_id = ?";
    static final SourceLine STATEMENT = SourceLine.of(ThreadsApp.class, "// the child query");
    /** The handlers that fan out N lookups, each named after its scope and its method. */
    static final List<String[]> FAN_OUTS = List.of(
            new String[] {"pool", "pool"},
            new String[] {"submit", "submit"},
            new String[] {"completable", "completable"},
            new String[] {"completable-pool", "completablePool"},
            new String[] {"parallel-stream", "parallelStream"},
            new String[] {"threads", "threads"},
            new String[] {"scheduled", "scheduled"});
    /** Setup, the late case's one statement outside any scope, the unscoped case's four. */
    static final int EXCHANGE_STATEMENTS = 3 * (1 + CHILDREN) + 1;
    static final int UNSCOPED = ThreadsApp.SETUP.length + 1 + 4;

    static Report report;
    static Report perThread;

    @BeforeAll
    static void runApplication() {
        // Three workers in the common pool, whatever the machine: CompletableFuture and parallel streams use it then.
        report = ChildJvm.of("threads", ThreadsApp.class).jvmOptions("-Djava.util.concurrent.ForkJoinPool.common.parallelism=3")
                .withAgent("").run().assertCleanRun().report();
        perThread = ChildJvm.of("threads-per-thread", ThreadsApp.class).jvmOptions("-Djava.util.concurrent.ForkJoinPool.common.parallelism=3")
                .args("pool", "completable", "threads")
                .withAgent("propagate=false").run().assertCleanRun().report();
    }

    @Test
    void aFanOutIsAnNPlusOneOfItsScopeWhateverThreadsRanIt() {
        for (String[] fanOut : FAN_OUTS) {
            assertFanOut(report, fanOut[0], fanOut[1]);
        }
    }

    static void assertFanOut(Report report, String scope, String method) {
        Report.Scope s = report.scope(scope);
        assertEquals(1, s.instances(), scope);
        assertEquals(1 + CHILDREN, s.statements().total(), scope + ": the parents, then each child");
        assertEquals(0, s.late(), scope);
        Finding f = report.finding("n_plus_one", scope, CHILD);
        assertEquals(CHILDREN, f.repetitions(), scope);
        assertEquals(STATEMENT.frame("childOf"), f.location(), scope);
        String fannedOut = SourceLine.of(ThreadsApp.class, "// fan out (" + scope + ")").frame(method);
        assertTrue(f.stack().contains(fannedOut), () -> scope + ": the stack joins where the work was submitted, "
                + fannedOut + ": " + f.stack());
    }

    @Test
    void countsAreExactAndNothingElseIsFound() {
        List<String> expected = new java.util.ArrayList<>();
        for (String[] fanOut : FAN_OUTS) {
            expected.add(triple("n_plus_one", fanOut[0], CHILD));
        }
        expected.add(triple("n_plus_one", "reuse-first", CHILD));
        expected.add(triple("n_plus_one", "GET /handed", CHILD));
        expected.add(triple("n_plus_one", "GET /handed-empty", CHILD));
        report.assertFindings(expected.toArray(new String[0]));
        assertEquals(2, report.scope("two-children").statements().total(), "below the threshold, counted all the same");
        assertEquals(UNSCOPED, report.summary().unscoped(), "work handed out outside any scope stays outside");
        assertEquals(ThreadsApp.SETUP.length + FAN_OUTS.size() * (1 + CHILDREN) + 2 + 5 + (1 + CHILDREN + 2) + 4
                + EXCHANGE_STATEMENTS, report.summary().statements());
    }

    @Test
    void aTaskThatOutlivesItsScopeIsCountedLateInIt() {
        Report.Scope request = report.scope("late-request");
        assertEquals(1, request.statements().total(), "the statement run while it was open");
        assertEquals(2, request.late(), "the two the straggling task ran after it closed");
        Report.Scope next = report.scope("next-request");
        assertEquals(1, next.statements().total(), "the next scope on the same pool thread has its own statement only");
        assertEquals(0, next.late());
        assertEquals(2, report.summary().late());
    }

    @Test
    void anExchangeOfTheJdkServerIsOneScopeUntilItsResponseIsWritten() {
        Report.Scope handed = report.scope("GET /handed");
        assertEquals(2, handed.instances());
        assertEquals(2 * (1 + CHILDREN), handed.statements().total(), "the parents and children loaded after the handler returned");
        assertEquals(1 + CHILDREN, report.scope("GET /handed-empty").statements().total());
        assertEquals(1, report.scope("GET /direct").statements().total());
        assertEquals(CHILDREN, report.finding("n_plus_one", "GET /handed", CHILD).repetitions());
    }

    @Test
    void aPoolThreadCarriesNothingFromOneScopeToTheNext() {
        assertEquals(1 + CHILDREN, report.scope("reuse-first").statements().total());
        assertEquals(2, report.scope("reuse-second").statements().total());
        assertEquals(0, report.scope("reuse-second").late());
    }

    /** On the newest JDK: virtual threads, and the fork/join and pool internals as they are there. */
    @Test
    void onJdk25VirtualThreadsAndTheRestRunInTheirScope() {
        assumeTrue(Files.isExecutable(Jdk25IT.JDK.resolve("bin/java")), "no JDK 25 at " + Jdk25IT.JDK);
        Report jdk25 = ChildJvm.of("threads-jdk25", ThreadsApp.class).javaHome(Jdk25IT.JDK)
                .jvmOptions("-Djava.util.concurrent.ForkJoinPool.common.parallelism=3")
                .args("virtual", "pool", "completable", "parallel-stream", "late", "exchange")
                .withAgent("").run().assertCleanRun().report();
        for (String[] fanOut : new String[][] {{"virtual", "virtual"}, {"pool", "pool"}, {"completable", "completable"},
                {"parallel-stream", "parallelStream"}}) {
            assertFanOut(jdk25, fanOut[0], fanOut[1]);
        }
        assertEquals(2, jdk25.scope("late-request").late());
        assertEquals(1, jdk25.scope("next-request").statements().total());
        assertEquals(2 * (1 + CHILDREN), jdk25.scope("GET /handed").statements().total());
        assertEquals(1 + CHILDREN, jdk25.scope("GET /handed-empty").statements().total());
    }

    /**
     * A million tasks through one pool, a thousand per scope, and a periodic task started in a
     * scope: nothing is kept per task or per scope, so the heap after the millionth is within a
     * bound of the heap after the hundred-thousandth.
     */
    @Test
    void aMillionTasksKeepTheHeapFlat() {
        Result million = ChildJvm.of("threads-million", ThreadsApp.class).jvmOptions("-Xmx256m").args("million")
                .withAgent("").run().assertCleanRun();
        long first = figure(million, "heap after 100000 tasks: ");
        long last = figure(million, "heap after 1000000 tasks: ");
        assertTrue(last - first < 4L << 20, () -> "heap grew from " + first + " to " + last + " bytes over 900,000 tasks");
        Report report = million.report();
        assertEquals(1000, report.scope("batch").instances());
        assertEquals(4, report.scope("batch").statements().total());
        assertEquals(0, report.summary().late(), "the periodic task runs no statement");
    }

    private static long figure(Result result, String prefix) {
        return Long.parseLong(result.stdout().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + result.stdout())).substring(prefix.length()));
    }

    @Test
    void withPropagationOffEachScopeKeepsToItsThread() {
        for (String scope : new String[] {"pool", "completable", "threads"}) {
            assertEquals(1, perThread.scope(scope).statements().total(), scope + ": its own thread's statement only");
        }
        perThread.assertFindings();
        assertEquals(ThreadsApp.SETUP.length + 3 * (1 + CHILDREN), perThread.summary().statements());
        assertEquals(ThreadsApp.SETUP.length + 3 * CHILDREN, perThread.summary().unscoped());
    }
}

package dev.nplusone.it;

import dev.nplusone.it.apps.BoundsApp;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's memory stays within its caps whatever the application does: each attack of
 * {@link BoundsApp} runs in a child JVM of 64 MB (128 MB for the threads), where a structure that
 * grew with it would end the application with an OutOfMemoryError, and the heap it keeps, read after
 * a full collection while the attack's scopes are still open, is asserted against the caps. Past a
 * cap the agent counts exactly and keeps no more detail, and says so once.
 *
 * <p>The batch job runs {@value #STATEMENTS} statements in {@code mvn verify};
 * {@code -Dnplusone.it.bounds.statements=10000000} (the {@code reliability} profile) runs ten million.
 */
class BoundsIT {

    static final int STATEMENTS = 300_000;
    static final int SHAPES = 100_000;
    static final int HUGE = 12;
    static final int FRAMES = 5_000;
    static final int THREADS = 2_000;
    static final long MB = 1 << 20;
    /** The two statements that create and fill the table, outside any scope. */
    static final int SETUP = 2;
    static final SourceLine DEEP_N_PLUS_ONE = SourceLine.of(BoundsApp.class, "// N+1 at the bottom of the recursion");

    @Test
    void aScopeThatNeverClosesKeepsNothingPerStatement() {
        int statements = Integer.getInteger("nplusone.it.bounds.statements", STATEMENTS);
        Result result = ChildJvm.of("bounds-statements", BoundsApp.class).args("statements", Integer.toString(statements))
                .jvmOptions("-Xmx64m", "-XX:+UseSerialGC").withAgent("scope-memory=1m")
                .timeout(java.time.Duration.ofSeconds(90 + statements / 20_000)) // ten million: ten minutes
                .run().assertCleanRun();
        assertEquals(statements + SETUP, result.report().summary().statements(), "every statement counted");
        assertHeldAtMost(result, 1 * MB + 2 * MB, "the scope's budget (1 MB) and 2 MB");
    }

    /**
     * 100,000 statements of as many shapes: the shape cache starts over at its bounds, the scope
     * groups its first 2,000 shapes and counts the rest, and says so once.
     */
    @Test
    void distinctShapesPastTheBoundsAreCountedAndSaidOnce() {
        Result result = attack("bounds-shapes", "64m", "", "shapes", SHAPES);
        assertEquals(SHAPES + SETUP, result.report().summary().statements(), "every statement counted");
        assertEquals(1, result.report().summary().cappedScopeInstances(), result::describe);
        List<LogEntry> said = result.log().stream().filter(e -> e.message().contains("reached its memory budget"))
                .collect(Collectors.toList());
        assertEquals(1, said.size(), "said once: " + said);
        assertTrue(said.get(0).message().startsWith("scope " + BoundsApp.BATCH + " reached its memory budget"), said.get(0).message());
        // the shape cache (8 MB of characters, 10,000 entries) and the scope's 2,000 shape groups
        assertHeldAtMost(result, 16 * MB, "the shape cache's 8 MB of characters, its entries and the scope's 2,000 groups");
    }

    /** A megabyte of SQL per statement: never cached, each shape cut to 4,096 characters and a hash. */
    @Test
    void statementsOfAMegabyteKeepAShapeOfAFewKilobytes() {
        Result result = attack("bounds-huge", "64m", "", "huge", HUGE);
        assertTrue(result.stdout().contains("statements run: " + HUGE + ", refused by the database: " + HUGE), result::describe);
        assertEquals(HUGE + SETUP, result.report().summary().statements());
        assertHeldAtMost(result, 4 * MB, HUGE + " shapes of at most 4,096 characters and their groups");
    }

    @Test
    void anNPlusOneBelowADeepRecursionIsFoundAtItsLine() {
        Result result = ChildJvm.of("bounds-deep", BoundsApp.class).args("deep", Integer.toString(FRAMES)).withAgent("")
                .run().assertCleanRun();
        assertTrue(result.stdout().contains("deepest frame reached: " + FRAMES), result::describe);
        Report.Finding f = result.report().finding("n_plus_one", BoundsApp.DEEP, "select name from item where owner = ?");
        assertEquals(BoundsApp.DEEP_LOOP, f.repetitions());
        assertEquals(DEEP_N_PLUS_ONE.frame("descend"), f.location());
    }

    /**
     * Thousands of threads with a scope open at once: each scope exact, and what the agent keeps per
     * open scope (the heap with the agent less the heap without it, per thread) far inside the
     * smallest budget a scope may have (64 KB).
     */
    @Test
    void thousandsOfThreadsEachWithAnOpenScopeStayWithinTheirBudgets() {
        String[] args = {"threads", Integer.toString(THREADS)};
        Result with = ChildJvm.of("bounds-threads", BoundsApp.class).args(args).jvmOptions("-Xmx128m", "-XX:+UseSerialGC")
                .withAgent("scope-memory=64k").run().assertCleanRun();
        Result without = ChildJvm.of("bounds-threads-without-agent", BoundsApp.class).args(args)
                .jvmOptions("-Xmx128m", "-XX:+UseSerialGC").run().assertCleanRun();
        assertTrue(with.stdout().contains("threads: " + THREADS + ", failures: 0"), with::describe);
        Report.Scope worker = with.report().scope(BoundsApp.WORKER);
        assertEquals(THREADS, worker.instances());
        assertEquals((long) THREADS * BoundsApp.PER_WORKER, worker.statements().total());
        assertEquals(BoundsApp.PER_WORKER, worker.statements().max());
        assertEquals(THREADS, with.report().finding("n_plus_one", BoundsApp.WORKER, "select name from item where owner = ?").occurrences());
        long perScope = (held(with) - held(without)) / THREADS;
        System.out.println("bounds: per open scope, the agent keeps " + perScope + " bytes (" + THREADS + " threads)");
        assertTrue(perScope < 64 << 10, "bytes per open scope: " + perScope);
    }

    private static Result attack(String name, String heap, String options, String mode, int count) {
        return ChildJvm.of(name, BoundsApp.class).args(mode, Integer.toString(count))
                .jvmOptions("-Xmx" + heap, "-XX:+UseSerialGC").withAgent(options).run().assertCleanRun();
    }

    private static void assertHeldAtMost(Result result, long bound, String what) {
        long held = held(result);
        System.out.println("bounds: " + result.name() + " holds " + held + " bytes during the attack (bound " + bound + ": " + what + ")");
        assertTrue(held <= bound, () -> result.name() + ": the heap grew by " + held + " bytes during the attack, more than "
                + bound + " (" + what + ")" + result.describe());
    }

    /** The heap in use during the attack less before it, after full collections, as the application printed them. */
    static long held(Result result) {
        return number(result, "heap during: ") - number(result, "heap before: ");
    }

    private static long number(Result result, String prefix) {
        return result.stdout().stream().filter(l -> l.startsWith(prefix)).map(l -> Long.parseLong(l.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' line" + result.describe()));
    }
}

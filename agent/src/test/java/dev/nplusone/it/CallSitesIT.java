package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.CallSitesApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The N+1 rule counts executions per call site (the application stack). {@link CallSitesApp} runs
 * each case in a scope named after it, once at the default threshold of 3 and once at 2. Each
 * test looks at the findings of its own scope only, so that one wrong rule fails one test.
 */
class CallSitesIT {

    static final String SHAPE = "select name from item where id = ?";

    static Report report;
    static Report thresholdTwo;

    @BeforeAll
    static void runApplication() {
        Result atThree = ChildJvm.of("call-sites", CallSitesApp.class).withAgent("").run().assertCleanRun();
        assertEquals(List.of("done"), atThree.stdout());
        report = atThree.report();
        thresholdTwo = ChildJvm.of("call-sites-threshold-2", CallSitesApp.class).withAgent("threshold=2").run().assertCleanRun().report();
    }

    @Test
    void everyCaseRanInItsOwnScopeWithoutDuplicates() {
        assertEquals(3, report.scope("three-sites-once-each").statements().total());
        assertEquals(3, report.scope("once-then-twice").statements().total());
        assertEquals(3, report.scope("loop-of-three").statements().total());
        assertEquals(15, report.scope("two-loops").statements().total());
        assertEquals(6, report.scope("helper-from-two-callers").statements().total());
        assertEquals(6, report.scope("same-offset-in-two-methods").statements().total());
        assertEquals(List.of(), report.findings().stream().filter(f -> f.type().equals("duplicate")).collect(Collectors.toList()),
                "every execution had its own parameter");
    }

    @Test
    void oneShapeOnceFromEachOfThreeCallSitesIsNoNPlusOne() {
        assertEquals(List.of(), report.findings("n_plus_one", "three-sites-once-each"));
    }

    @Test
    void oneShapeOnceFromEachOfThreeCallSitesIsNoNPlusOneEvenAtThresholdTwo() {
        assertEquals(List.of(), thresholdTwo.findings("n_plus_one", "three-sites-once-each"),
                "no call site ran the statement twice");
    }

    @Test
    void oneExecutionElsewhereDoesNotMakeTwoRepetitionsAnNPlusOne() {
        assertEquals(List.of(), report.findings("n_plus_one", "once-then-twice"),
                "one execution at one line, two at another: no call site reached the threshold of 3");
    }

    @Test
    void atThresholdTwoTheLoopOfTwoIsAnNPlusOneOfTwo() {
        Finding f = only(thresholdTwo.findings("n_plus_one", "once-then-twice"));
        assertEquals(at("// twice from here: below the threshold"), f.location());
        assertEquals(2, f.repetitions(), "the execution at the other line is not the loop's");
    }

    @Test
    void aLoopOfExactlyTheThreshold() {
        Finding f = only(report.findings("n_plus_one", "loop-of-three"));
        assertEquals(3, f.repetitions());
        assertEquals(at("// N+1: a loop of three, exactly the threshold"), f.location());
    }

    @Test
    void twoLoopsOfOneShapeInOneMethodAreTwoFindings() {
        List<Finding> loops = report.findings("n_plus_one", "two-loops");
        assertEquals(2, loops.size(), report::describeFindings);
        Finding first = loops.stream().filter(f -> f.location().equals(at("// N+1: first loop, ten times"))).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at the first loop: " + loops));
        Finding second = loops.stream().filter(f -> f.location().equals(at("// N+1: second loop, five times"))).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at the second loop: " + loops));
        assertEquals(10, first.repetitions());
        assertEquals(5, second.repetitions());
    }

    /**
     * A helper's loop called from two places: two call sites with one location, so one finding in
     * the report (findings aggregate by scope, type, shape and location), seen in one scope instance.
     */
    @Test
    void aHelperCalledFromTwoPlacesIsOneFindingOfOneScopeInstance() {
        Finding f = only(report.findings("n_plus_one", "helper-from-two-callers"));
        assertEquals(SourceLine.of(CallSitesApp.class, "// N+1: loop in the helper").frame("threeById"), f.location());
        assertEquals(3, f.repetitions(), "the most from one call site in one scope instance");
        assertEquals(6, f.totalRepetitions());
        assertEquals(1, f.occurrences(), "occurrences counts scope instances, and there was one");
    }

    @Test
    void twoMethodsOfOneClassCallingAHelperAtTheSameOffsetAreTwoCallSites() {
        Finding f = only(report.findings("n_plus_one", "same-offset-in-two-methods"));
        SourceLine helper = SourceLine.of(CallSitesApp.class, "// N+1: one by id, three times from each of two methods");
        assertEquals(helper.frame("oneById"), f.location());
        assertEquals(3, f.repetitions(), "three from each method, not six from one call site");
        assertEquals(6, f.totalRepetitions());
    }

    private static String at(String marker) {
        return SourceLine.of(CallSitesApp.class, marker).frame("main");
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "findings: " + findings);
        return findings.get(0);
    }
}

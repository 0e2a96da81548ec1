package dev.nplusone.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeStatementsTest {

    private static final String PARENTS = "select * from event";
    private static final String CHILDREN = "select * from attendee where event_id = ?";
    private static final ScopePath REQUEST = () -> List.of("GET /events", "serialize ArrayList");
    private static final long SITE_A = 11, SITE_B = 22, SITE_C = 33;

    private final CallSites callSites = new CallSites(new FrameFilter(List.of(), null));
    private ScopeStatements statements = new ScopeStatements(callSites, 3);

    private void run(String shape, long key, long site) {
        statements.add(shape, key, () -> site, REQUEST, 1_000, null);
    }

    @Test
    void aLoopOfDifferingStatementsFromOneSiteIsAnNPlusOne() {
        run(PARENTS, 1, SITE_A);
        for (int id = 0; id < 5; id++) {
            run(CHILDREN, 100 + id, SITE_B);
        }
        List<Finding> findings = statements.findings();
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Finding.Type.N_PLUS_ONE, f.type());
        assertEquals(5, f.repetitions());
        assertEquals(CHILDREN, f.shape());
        assertEquals(PARENTS, f.trigger());
        assertEquals(List.of("GET /events", "serialize ArrayList"), f.path());
        assertEquals("GET /events", f.scope());
        assertEquals(5_000, f.nanos());
        assertFalse(f.stack().isEmpty(), "the stack is taken on the first repeat");
        // Outside the agent's class loader the agent's own frames show too.
        assertTrue(f.stack().stream().anyMatch(frame -> frame.startsWith(ScopeStatementsTest.class.getName() + ".run(")), f.stack().toString());
    }

    @Test
    void fewerThanTheThresholdIsNothing() {
        run(CHILDREN, 1, SITE_A);
        run(CHILDREN, 2, SITE_A);
        assertTrue(statements.findings().isEmpty());
    }

    @Test
    void withThresholdTwoALoopOfTwoIsAnNPlusOne() {
        statements = new ScopeStatements(callSites, 2);
        run(CHILDREN, 1, SITE_A);
        run(CHILDREN, 2, SITE_A);
        assertEquals(1, statements.findings().size());
        assertEquals(2, statements.findings().get(0).repetitions());
    }

    @Test
    void oneShapeOnceFromEachOfSeveralSitesIsNothing() {
        run(CHILDREN, 1, SITE_A);
        run(CHILDREN, 2, SITE_B);
        run(CHILDREN, 3, SITE_C);
        run(CHILDREN, 4, SITE_A ^ SITE_B ^ SITE_C ^ 1);
        assertTrue(statements.findings().isEmpty());
    }

    @Test
    void theFirstExecutionJoinsTheLoopThatFollows() {
        run(PARENTS, 1, SITE_A);
        run(CHILDREN, 10, SITE_C); // the loop's first iteration: its call site is not looked up
        run(CHILDREN, 11, SITE_B);
        run(CHILDREN, 12, SITE_B);
        assertEquals(3, statements.findings().get(0).repetitions());
    }

    @Test
    void identicalStatementsAreADuplicateNotAnNPlusOne() {
        for (int i = 0; i < 6; i++) {
            run(CHILDREN, 7, SITE_A);
        }
        List<Finding> findings = statements.findings();
        assertEquals(1, findings.size());
        assertEquals(Finding.Type.DUPLICATE, findings.get(0).type());
        assertEquals(6, findings.get(0).repetitions(), "the first execution counts too");
    }

    @Test
    void duplicatesAcrossCallSitesAreStillDuplicates() {
        run(CHILDREN, 7, SITE_A);
        run(CHILDREN, 7, SITE_B);
        List<Finding> findings = statements.findings();
        assertEquals(1, findings.size());
        assertEquals(Finding.Type.DUPLICATE, findings.get(0).type());
        assertEquals(2, findings.get(0).repetitions());
    }

    @Test
    void aLoopWithSomeRepeatedIdsIsBothAnNPlusOneAndADuplicate() {
        for (long id : new long[] {1, 2, 1, 3}) {
            run(CHILDREN, id, SITE_A);
        }
        List<Finding> findings = statements.findings();
        assertEquals(2, findings.size());
        assertTrue(findings.stream().anyMatch(f -> f.type() == Finding.Type.N_PLUS_ONE && f.repetitions() == 4));
        assertTrue(findings.stream().anyMatch(f -> f.type() == Finding.Type.DUPLICATE && f.repetitions() == 2));
    }

    @Test
    void aSteadyLoopIsWalkedOnlyNowAndThenAndStillCountedExactly() {
        int[] walks = {0};
        for (int id = 0; id < 1_000; id++) {
            statements.add(CHILDREN, id, () -> {
                walks[0]++;
                return SITE_A;
            }, REQUEST, 1, null);
        }
        assertEquals(1_000, statements.findings().get(0).repetitions());
        assertTrue(walks[0] < 100, "walks: " + walks[0]);
    }

    @Test
    void aLoopMovingToAnotherCallSiteIsNoticedAtTheNextCheck() {
        long[] site = {SITE_A};
        for (int id = 0; id < 200; id++) {
            if (id == 100) {
                site[0] = SITE_B;
            }
            statements.add(CHILDREN, id, () -> site[0], REQUEST, 1, null);
        }
        List<Finding> findings = statements.findings();
        assertEquals(2, findings.size());
        int sum = findings.stream().mapToInt(Finding::repetitions).sum();
        assertEquals(200, sum);
        assertTrue(findings.stream().allMatch(f -> Math.abs(f.repetitions() - 100) < ScopeStatements.VERIFY_EVERY), findings.toString());
    }

    @Test
    void theFirstShapeOfAScopeHasNoTrigger() {
        for (int id = 0; id < 3; id++) {
            run(CHILDREN, id, SITE_A);
        }
        assertNull(statements.findings().get(0).trigger());
    }

    @Test
    void memoryStaysBoundedHoweverManyShapesAScopeRuns() {
        for (int i = 0; i < ScopeStatements.MAX_SHAPES + 500; i++) {
            run("select * from t" + i, i, SITE_A);
        }
        assertEquals(ScopeStatements.MAX_SHAPES + 500, statements.statements());
        assertEquals(500, statements.ungrouped());
    }

    @Test
    void countsPerKeyStopTakingNewKeysWhenFull() {
        LongCounts counts = new LongCounts(3);
        assertEquals(1, counts.increment(0));
        assertEquals(2, counts.increment(0));
        assertEquals(1, counts.increment(-5));
        assertEquals(1, counts.increment(9));
        assertEquals(0, counts.increment(10), "full: a new key is not taken");
        assertEquals(2, counts.increment(9), "known keys still count");
        assertEquals(2, counts.get(0));
        assertEquals(0, counts.get(10));
    }
}

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

    // Outside the agent's class loader the agent's own frames look like the application's: naming
    // this class as the application's package makes its frames the location, as in real use.
    private final CallSites callSites = new CallSites(new FrameFilter(List.of(ScopeStatementsTest.class.getName()), null));
    private ScopeStatements statements = new ScopeStatements(callSites, 3);

    private void run(String shape, long key, long site) {
        statements.add(shape, key, () -> site, REQUEST, 1_000, null);
    }

    // Another line: findings are reported per location, and the readable stack is the real one.
    private void runElsewhere(String shape, long key, long site) {
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
        assertTrue(f.location().startsWith(ScopeStatementsTest.class.getName() + ".run("), f.location());
    }

    @Test
    void aLoopOfWritesIsBatchableNotAnNPlusOne() {
        String insert = "insert into attendee (event_id, name) values (?, ?)";
        run(PARENTS, 1, SITE_A);
        for (int id = 0; id < 4; id++) {
            run(insert, 100 + id, SITE_B);
        }
        for (int i = 0; i < 3; i++) {
            run("update event set seen = ? where id = ?", 7, SITE_C); // identical writes: batchable, no duplicate
        }
        List<Finding> findings = statements.findings();
        assertEquals(2, findings.size(), findings::toString);
        for (Finding f : findings) {
            assertEquals(Finding.Type.BATCHABLE, f.type());
            assertNull(f.trigger(), "a loop of writes has no parent query to fix");
            assertTrue(f.hint().startsWith("send them as one JDBC batch"), f.hint());
        }
        assertEquals(4, findings.stream().filter(f -> f.shape().equals(insert)).findFirst().orElseThrow().repetitions());
    }

    @Test
    void theTriggerIsAQueryNeverAWriteOrDdl() {
        run(PARENTS, 1, SITE_A);
        run("insert into audit (note) values (?)", 2, SITE_A);
        run("create table if not exists scratch (id int)", 3, SITE_A);
        for (int id = 0; id < 3; id++) {
            run(CHILDREN, 100 + id, SITE_B);
        }
        assertEquals(PARENTS, statements.findings().get(0).trigger());
    }

    @Test
    void pastItsMemoryBudgetAScopeCountsOnButKeepsNoMoreDetail() {
        long budget = 64 << 10;
        statements = new ScopeStatements(callSites, 3, Attributor.NONE, budget);
        run(PARENTS, 1, SITE_A);
        for (int id = 0; id < 5; id++) {
            run(CHILDREN, 100 + id, SITE_B); // an N+1 before the budget runs out
        }
        int cappedAt = 0;
        int total = 6;
        for (int i = 0; i < 100_000; i++) {
            // generated SQL: a new shape every time, each run with new values
            if (statements.add("select id as c" + i + " from item where id = ?", 1_000_000L + i, () -> SITE_C, REQUEST, 1, null)) {
                assertEquals(0, cappedAt, "said once");
                cappedAt = i + 1;
            }
            total++;
        }
        assertTrue(cappedAt > 0, "the budget ran out");
        assertTrue(statements.capped());
        assertEquals(total, statements.statements(), "counts stay exact");
        assertTrue(statements.memoryUsed() <= budget, () -> statements.memoryUsed() + " bytes kept");
        List<Finding> findings = statements.findings();
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(5, findings.get(0).repetitions(), "what was found before the budget ran out stays");
    }

    @Test
    void theBudgetAlsoBoundsTheCountsOfIdenticalStatements() {
        statements = new ScopeStatements(callSites, 3, Attributor.NONE, 64 << 10);
        for (int i = 0; i < 50_000; i++) {
            run(CHILDREN, 10 + i, SITE_A); // one shape, distinct values: the table of identical statements grows
        }
        assertTrue(statements.capped(), "4,096 distinct statements' counts take more than 64 KB");
        assertTrue(statements.memoryUsed() <= 64 << 10);
        assertEquals(Finding.Type.N_PLUS_ONE, statements.findings().get(0).type(), "the N+1 is still found");
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
        assertTrue(statements.findings().isEmpty());
        statements = new ScopeStatements(callSites, 2);
        run(CHILDREN, 1, SITE_A);
        run(CHILDREN, 2, SITE_B);
        assertTrue(statements.findings().isEmpty(), "not even at threshold 2");
    }

    @Test
    void identicalStatementsAreADuplicateNotAnNPlusOne() {
        run(PARENTS, 1, SITE_B);
        for (int i = 0; i < 6; i++) {
            run(CHILDREN, 7, SITE_A);
        }
        List<Finding> findings = statements.findings();
        assertEquals(1, findings.size());
        assertEquals(Finding.Type.DUPLICATE, findings.get(0).type());
        assertEquals(6, findings.get(0).repetitions(), "the first execution counts too");
        assertEquals(PARENTS, findings.get(0).trigger(), "the rows the duplicate was run for");
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
        assertTrue(walks[0] < 200, "walks: " + walks[0]);
    }

    @Test
    void aShortLoopFollowedByStragglersIsCountedExactly() {
        for (int id = 0; id < 10; id++) {
            run(CHILDREN, id, SITE_A);
        }
        for (int i = 0; i < 3; i++) {
            runElsewhere(CHILDREN, 100 + i, SITE_B);
        }
        List<Finding> findings = statements.findings();
        assertEquals(2, findings.size());
        assertTrue(findings.stream().anyMatch(f -> f.repetitions() == 10));
        assertTrue(findings.stream().anyMatch(f -> f.repetitions() == 3));
    }

    @Test
    void aLoopMovingToAnotherCallSiteIsNoticedAtTheNextCheck() {
        for (int id = 0; id < 100; id++) {
            run(CHILDREN, id, SITE_A);
        }
        for (int id = 100; id < 200; id++) {
            runElsewhere(CHILDREN, id, SITE_B);
        }
        List<Finding> findings = statements.findings();
        assertEquals(2, findings.size());
        int sum = findings.stream().mapToInt(Finding::repetitions).sum();
        assertEquals(200, sum);
        assertTrue(findings.stream().allMatch(f -> Math.abs(f.repetitions() - 100) < ScopeStatements.VERIFY_EVERY),
                findings.stream().map(f -> f.repetitions() + " at " + f.location()).collect(java.util.stream.Collectors.joining(", ")));
    }

    @Test
    void oneExecutionElsewhereDoesNotCompleteALoop() {
        run(CHILDREN, 1, SITE_A);
        run(CHILDREN, 2, SITE_B);
        run(CHILDREN, 3, SITE_B);
        assertTrue(statements.findings().isEmpty());
    }

    @Test
    void oneLocationReachedFromTwoCallSitesIsOneFinding() {
        for (int id = 0; id < 4; id++) {
            run(CHILDREN, id, SITE_A);
        }
        for (int id = 4; id < 8; id++) {
            run(CHILDREN, id, SITE_B); // the same helper line, called from elsewhere
        }
        List<Finding> findings = statements.findings();
        assertEquals(1, findings.size());
        assertEquals(4, findings.get(0).repetitions(), "the larger call site's executions");
        assertEquals(8_000, findings.get(0).nanos());
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
        assertTrue(statements.capped(), "past its 2,000 shapes a scope says that it keeps no more detail");
    }

    @Test
    void aBoundInNumbersEndsDetailAsTheBudgetDoes() {
        for (int i = 0; i < ScopeStatements.MAX_SHAPES; i++) {
            run("select * from t" + i, i, SITE_A);
        }
        assertFalse(statements.capped(), "2,000 shapes fit");
        for (int site = 0; site <= ScopeStatements.MAX_SITES; site++) {
            run(CHILDREN, site, 1_000 + site);
        }
        assertTrue(statements.capped(), "a 33rd call site of one shape is not kept: said");
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

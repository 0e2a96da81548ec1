package dev.nplusone.it;

import dev.nplusone.it.apps.LongScopeApp;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scope that runs like a batch job keeps its detail within the {@code scope-memory} budget: past
 * it, exact counts and no more detail, said once in the log and counted in the report.
 */
class LongScopeIT {

    static final int STATEMENTS = LongScopeApp.AUTHORS + LongScopeApp.GENERATED;
    static final SourceLine N_PLUS_ONE = SourceLine.of(LongScopeApp.class, "// N+1: the titles of each author");

    @Test
    void pastItsBudgetAScopeCountsExactlyAndSaysSoOnce() {
        Result result = ChildJvm.of("long-scope-capped", LongScopeApp.class).withAgent("scope-memory=64k").run().assertCleanRun();
        assertTrue(result.stdout().contains("statements in the scope: " + STATEMENTS), result::describe);
        Report report = result.report();
        assertEquals(1, report.summary().cappedScopeInstances(), result::describe);
        assertEquals(STATEMENTS, report.scopes().get(0).statements().total(), "counts stay exact");
        List<LogEntry> capped = result.log().stream().filter(e -> e.message().contains("reached its memory budget"))
                .collect(Collectors.toList());
        assertEquals(1, capped.size(), result::describe);
        assertTrue(capped.get(0).message().startsWith("scope " + LongScopeApp.SCOPE + " reached its memory budget (scope-memory=65536 bytes)"),
                capped.get(0).message());
        assertEquals(List.of(N_PLUS_ONE.frame("main")), report.findings().stream().map(Report.Finding::location).collect(Collectors.toList()),
                "the N+1 found before the budget ran out is reported");
        assertTrue(result.log().stream().anyMatch(e -> e.message().contains("1 scope instances past their memory budget")),
                "the exit summary counts it");
    }

    @Test
    void withinTheDefaultBudgetNothingIsCapped() {
        Result result = ChildJvm.of("long-scope-default", LongScopeApp.class).withAgent("").run().assertCleanRun();
        assertEquals(0, result.report().summary().cappedScopeInstances(), result::describe);
        assertTrue(result.log().stream().noneMatch(e -> e.message().contains("memory budget")), result::describe);
    }
}

package dev.nplusone.samples;

import dev.nplusone.junit.QueryBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Budgets on test methods, run by {@link SampleRunner} in a child JVM (the name keeps the build's
 * own test runners away). Each method's name says whether it should pass.
 */
public class BudgetSample {

    @BeforeAll
    static void createTables() throws SQLException {
        Library.create();
    }

    @BeforeEach
    void setUpIsNotMeasured() throws SQLException {
        Library.differentQueries(3);
    }

    @Test
    @QueryBudget(maxQueries = 3)
    void overBudgetFails() throws SQLException {
        Library.differentQueries(4);
    }

    @Test
    @QueryBudget(maxQueries = 4)
    void exactlyOnBudgetPasses() throws SQLException {
        Library.differentQueries(4);
    }

    @Test
    @QueryBudget
    void nPlusOneFails() throws SQLException {
        Library.titlesOfEachAuthor();
    }

    @Test
    @QueryBudget(failOnNPlusOne = false)
    void nPlusOneAllowedPasses() throws SQLException {
        Library.titlesOfEachAuthor();
    }

    @Test
    @QueryBudget(failOnDuplicate = true)
    void duplicateFails() throws SQLException {
        Library.sameBookTwice();
    }

    @Test
    @QueryBudget
    void duplicateAllowedByDefaultPasses() throws SQLException {
        Library.sameBookTwice();
    }

    @Test
    @QueryBudget(failOnBatchable = true)
    void batchableFails() throws SQLException {
        Library.reviewEachBook();
    }

    @Test
    @QueryBudget
    void batchableAllowedByDefaultPasses() throws SQLException {
        Library.reviewEachBook();
    }

    @Test
    @QueryBudget(maxQueries = 1)
    void failingTestKeepsItsOwnFailure() throws SQLException {
        Library.differentQueries(2);
        throw new IllegalStateException("the test's own failure");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @QueryBudget(maxQueries = 2)
    void parameterizedInvocationsAreMeasuredEach(int statements) throws SQLException {
        Library.differentQueries(statements);
    }

    @Test
    @QueryBudget(maxQueries = 1)
    void statementsOfAThreadTheTestStartsAreCountedFails() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Library.differentQueries(3);
            } catch (SQLException e) {
                failure.set(e);
            }
        });
        worker.start();
        worker.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}

package dev.nplusone.samples;

import dev.nplusone.api.NPlusOne;
import dev.nplusone.junit.QueryBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

/**
 * Tests that run inside a scope of the application's own, opened before each: their findings are
 * detected over that outer scope, so a budget that needs them cannot be checked.
 */
public class NestedScopeSample {

    private NPlusOne.Scope around;

    @BeforeAll
    static void createTables() throws SQLException {
        Library.create();
    }

    @BeforeEach
    void openAScope() {
        around = NPlusOne.scope("around each test");
    }

    @AfterEach
    void closeIt() {
        around.close();
    }

    @Test
    @QueryBudget
    void findingsCannotBeCheckedFails() throws SQLException {
        Library.differentQueries(1);
    }

    @Test
    @QueryBudget(maxQueries = 1, failOnNPlusOne = false)
    void statementsAreStillCountedPasses() throws SQLException {
        Library.differentQueries(1);
    }
}

package dev.nplusone.samples;

import dev.nplusone.junit.QueryBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;

/** A budget on the class, for every test method that has none of its own. */
@QueryBudget(maxQueries = 2)
public class ClassBudgetSample {

    /** A team's own annotation, with the budget as a meta-annotation. */
    @Target(java.lang.annotation.ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @QueryBudget(maxQueries = 5, failOnDuplicate = true)
    @interface NoDuplicates {
    }

    @BeforeAll
    static void createTables() throws SQLException {
        Library.create();
    }

    @Test
    void classBudgetFails() throws SQLException {
        Library.differentQueries(3);
    }

    @Test
    void classBudgetPasses() throws SQLException {
        Library.differentQueries(2);
    }

    @Test
    @QueryBudget(maxQueries = 3)
    void methodBudgetWinsPasses() throws SQLException {
        Library.differentQueries(3);
    }

    @Test
    @NoDuplicates
    void composedAnnotationFails() throws SQLException {
        Library.sameBookTwice(); // the test's call
    }

    @Nested
    class Inner {
        @Test
        void enclosingClassBudgetFails() throws SQLException {
            Library.differentQueries(3);
        }
    }
}

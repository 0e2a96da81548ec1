package dev.nplusone.samples;

import dev.nplusone.junit.NPlusOneExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;

/** The extension without {@code @QueryBudget}: the default budget. */
@ExtendWith(NPlusOneExtension.class)
public class ExtendWithSample {

    @BeforeAll
    static void createTables() throws SQLException {
        Library.create();
    }

    @Test
    void nPlusOneFailsByDefault() throws SQLException {
        Library.titlesOfEachAuthor(); // the test's call
    }

    @Test
    void manyStatementsAndDuplicatesPassByDefault() throws SQLException {
        Library.differentQueries(5);
        Library.sameBookTwice();
    }
}

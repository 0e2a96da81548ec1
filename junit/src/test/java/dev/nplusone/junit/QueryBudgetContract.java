package dev.nplusone.junit;

import dev.nplusone.samples.BudgetSample;
import dev.nplusone.samples.ClassBudgetSample;
import dev.nplusone.samples.ExtendWithSample;
import dev.nplusone.samples.Library;
import dev.nplusone.samples.NestedScopeSample;
import dev.nplusone.testkit.ReportJson;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the sample test classes' budgets do, whichever way the agent came into their JVM: each
 * subclass runs the samples once, in a child JVM, and hands over the outcomes.
 */
abstract class QueryBudgetContract {

    static final Class<?>[] SAMPLES = {BudgetSample.class, ClassBudgetSample.class, ExtendWithSample.class, NestedScopeSample.class};
    /** Test method invocations in {@link #SAMPLES}: each is one scope instance of kind test. */
    static final int INVOCATIONS = 21;

    static final String PACKAGE = "dev.nplusone.samples.";
    static final String FAILED = "org.opentest4j.AssertionFailedError";
    static final String NL = System.lineSeparator();
    static final String TITLES = SourceLine.of(Library.class, "// N+1: titles of each author").frame("titles");
    static final String EACH_AUTHOR = SourceLine.of(Library.class, "// for each author").frame("titlesOfEachAuthor");
    static final String SAME_BOOK = SourceLine.of(Library.class, "// duplicate: the same book twice").frame("sameBookTwice");

    /** The samples' run. */
    abstract SampleJvm.Run run();

    @Test
    void everyInvocationHasAnOutcomeAndTheRightOne() {
        Set<String> failed = new TreeSet<>(Set.of(
                "BudgetSample#overBudgetFails", "BudgetSample#nPlusOneFails", "BudgetSample#duplicateFails", "BudgetSample#batchableFails",
                "BudgetSample#failingTestKeepsItsOwnFailure", "BudgetSample#parameterizedInvocationsAreMeasuredEach[2]",
                "ClassBudgetSample#classBudgetFails", "ClassBudgetSample#composedAnnotationFails",
                "ClassBudgetSample$Inner#enclosingClassBudgetFails", "ExtendWithSample#nPlusOneFailsByDefault",
                "NestedScopeSample#findingsCannotBeCheckedFails", "BudgetSample#statementsOfAThreadTheTestStartsAreCountedFails"));
        Set<String> passed = new TreeSet<>(Set.of(
                "BudgetSample#exactlyOnBudgetPasses", "BudgetSample#nPlusOneAllowedPasses", "BudgetSample#duplicateAllowedByDefaultPasses",
                "BudgetSample#batchableAllowedByDefaultPasses",
                "BudgetSample#parameterizedInvocationsAreMeasuredEach[1]",
                "ClassBudgetSample#classBudgetPasses", "ClassBudgetSample#methodBudgetWinsPasses",
                "ExtendWithSample#manyStatementsAndDuplicatesPassByDefault", "NestedScopeSample#statementsAreStillCountedPasses"));
        assertEquals(INVOCATIONS, failed.size() + passed.size());
        assertEquals(failed, names("FAILED"), this::describe);
        assertEquals(passed, names("SUCCESSFUL"), this::describe);
        assertEquals(INVOCATIONS, run().outcomes().stringPropertyNames().stream().filter(k -> k.endsWith(".status")).count(),
                this::describe);
    }

    @Test
    void overTheBudgetFailsWithTheCountAndTheBudget() {
        assertFailure("BudgetSample#overBudgetFails", FAILED, "query budget exceeded in " + PACKAGE
                + "BudgetSample#overBudgetFails: 4 statements, more than maxQueries = 3" + NL
                + "  statements: 4, maxQueries = 3");
    }

    @Test
    void theStatementsOfAThreadTheTestStartsAreItsOwn() {
        assertFailure("BudgetSample#statementsOfAThreadTheTestStartsAreCountedFails", FAILED, "query budget exceeded in " + PACKAGE
                + "BudgetSample#statementsOfAThreadTheTestStartsAreCountedFails: 3 statements, more than maxQueries = 1" + NL
                + "  statements: 3, maxQueries = 1");
    }

    @Test
    void anNPlusOneFailsWithItsShapeRepetitionsAndLocation() {
        String message = message("BudgetSample#nPlusOneFails");
        String expected = "query budget exceeded in " + PACKAGE + "BudgetSample#nPlusOneFails: 1 N+1 query (failOnNPlusOne = true)" + NL
                + "  statements: " + (1 + Library.AUTHORS) + ", maxQueries unlimited" + NL
                + "  N+1 query: " + Library.AUTHORS + " executions of one statement shape from one call site" + NL
                + "    location: " + TITLES + NL
                + "    shape:    select title from book where author_id = ?" + NL
                + "    after:    select id from author order by id" + NL
                + "    fix:      select the rows for all parents at once with \"author_id in (...)\" (or a join) instead of one select per parent" + NL
                + "    called:   " + EACH_AUTHOR + NL;
        assertTrue(message.startsWith(expected), () -> "expected a message starting with\n" + expected + "\nbut was\n" + message);
        assertEquals(FAILED, run().outcomes().getProperty("BudgetSample#nPlusOneFails.exception"));
    }

    @Test
    void theDefaultBudgetOfTheExtensionFailsAnNPlusOne() {
        assertFailure("ExtendWithSample#nPlusOneFailsByDefault", FAILED, "query budget exceeded in " + PACKAGE
                + "ExtendWithSample#nPlusOneFailsByDefault: 1 N+1 query (failOnNPlusOne = true)" + NL
                + "  statements: " + (1 + Library.AUTHORS) + ", maxQueries unlimited" + NL
                + "  N+1 query: " + Library.AUTHORS + " executions of one statement shape from one call site" + NL
                + "    location: " + TITLES + NL
                + "    shape:    select title from book where author_id = ?" + NL
                + "    after:    select id from author order by id" + NL
                + "    fix:      select the rows for all parents at once with \"author_id in (...)\" (or a join) instead of one select per parent" + NL
                + "    called:   " + EACH_AUTHOR + NL
                + "              " + SourceLine.of(ExtendWithSample.class, "// the test's call").frame("nPlusOneFailsByDefault"));
    }

    @Test
    void aDuplicateFailsOnlyWhenTheBudgetSaysSo() {
        String message = message("BudgetSample#duplicateFails");
        String expected = "query budget exceeded in " + PACKAGE + "BudgetSample#duplicateFails: 1 duplicate query (failOnDuplicate = true)" + NL
                + "  statements: 2, maxQueries unlimited" + NL
                + "  Duplicate query: the same statement with the same parameters ran 2 times" + NL
                + "    location: " + SAME_BOOK + NL
                + "    shape:    select title from book where id = ?" + NL
                + "    fix:      the same statement with the same values ran again: run it once and reuse its result" + NL;
        assertTrue(message.startsWith(expected), () -> "expected a message starting with\n" + expected + "\nbut was\n" + message);
        assertEquals("SUCCESSFUL", run().outcomes().getProperty("BudgetSample#duplicateAllowedByDefaultPasses.status"));
    }

    @Test
    void batchableWritesFailOnlyWhenTheBudgetSaysSo() {
        String message = message("BudgetSample#batchableFails");
        String expected = "query budget exceeded in " + PACKAGE + "BudgetSample#batchableFails: 1 batchable write (failOnBatchable = true)" + NL
                + "  statements: " + (1 + Library.AUTHORS) + ", maxQueries unlimited" + NL
                + "  Batchable writes: " + Library.AUTHORS + " executions of one write from one call site, one at a time" + NL
                + "    location: " + SourceLine.of(Library.class, "// batchable: one insert per book").frame("reviewEachBook") + NL
                + "    shape:    insert into review(book_id, stars) values (?, ?)" + NL
                + "    fix:      send them as one JDBC batch";
        assertTrue(message.startsWith(expected), () -> "expected a message starting with\n" + expected + "\nbut was\n" + message);
        assertEquals("SUCCESSFUL", run().outcomes().getProperty("BudgetSample#batchableAllowedByDefaultPasses.status"));
    }

    @Test
    void aComposedAnnotationCarriesTheBudget() {
        assertFailure("ClassBudgetSample#composedAnnotationFails", FAILED, "query budget exceeded in " + PACKAGE
                + "ClassBudgetSample#composedAnnotationFails: 1 duplicate query (failOnDuplicate = true)" + NL
                + "  statements: 2, maxQueries = 5" + NL
                + "  Duplicate query: the same statement with the same parameters ran 2 times" + NL
                + "    location: " + SAME_BOOK + NL
                + "    shape:    select title from book where id = ?" + NL
                + "    fix:      the same statement with the same values ran again: run it once and reuse its result" + NL
                + "    called:   " + SourceLine.of(ClassBudgetSample.class, "// the test's call").frame("composedAnnotationFails"));
    }

    @Test
    void aClassBudgetAppliesToMethodsWithoutOneAndToNestedClasses() {
        assertFailure("ClassBudgetSample#classBudgetFails", FAILED, "query budget exceeded in " + PACKAGE
                + "ClassBudgetSample#classBudgetFails: 3 statements, more than maxQueries = 2" + NL + "  statements: 3, maxQueries = 2");
        assertFailure("ClassBudgetSample$Inner#enclosingClassBudgetFails", FAILED, "query budget exceeded in " + PACKAGE
                + "ClassBudgetSample$Inner#enclosingClassBudgetFails: 3 statements, more than maxQueries = 2" + NL
                + "  statements: 3, maxQueries = 2");
    }

    @Test
    void eachInvocationOfAParameterizedTestHasTheBudget() {
        assertFailure("BudgetSample#parameterizedInvocationsAreMeasuredEach[2]", FAILED, "query budget exceeded in " + PACKAGE
                + "BudgetSample#parameterizedInvocationsAreMeasuredEach[2]: 3 statements, more than maxQueries = 2" + NL
                + "  statements: 3, maxQueries = 2");
    }

    @Test
    void aFailingTestKeepsItsOwnFailureWithTheBreachSuppressed() {
        Properties o = run().outcomes();
        String name = "BudgetSample#failingTestKeepsItsOwnFailure";
        assertEquals("java.lang.IllegalStateException", o.getProperty(name + ".exception"));
        assertEquals("the test's own failure", o.getProperty(name + ".message"));
        assertEquals(FAILED + ": query budget exceeded in " + PACKAGE + name + ": 2 statements, more than maxQueries = 1" + NL
                + "  statements: 2, maxQueries = 1", o.getProperty(name + ".suppressed.0"));
    }

    @Test
    void aTestInsideAnotherScopeCannotHaveItsFindingsChecked() {
        assertFailure("NestedScopeSample#findingsCannotBeCheckedFails", FAILED, "query budget of " + PACKAGE
                + "NestedScopeSample#findingsCannotBeCheckedFails not checked: the test ran inside another nplusone scope of its thread,"
                + " and N+1 and duplicate queries are detected over the outermost scope when it closes" + NL
                + "  statements: 1, maxQueries unlimited");
    }

    /** With the agent's own advice on the test methods as well, each invocation is one scope. */
    @Test
    void eachInvocationIsOneTestScopeInTheReport() {
        List<String> found = ReportJson.read(run().dir().resolve("report.json")).scopes().stream()
                .map(s -> s.get("kind") + " " + s.get("instances") + " " + s.get("name")).sorted().collect(Collectors.toList());
        assertEquals(INVOCATIONS, found.stream().filter(s -> s.startsWith("test ")).mapToInt(s -> Integer.parseInt(s.split(" ")[1])).sum(),
                found::toString);
        assertTrue(found.contains("test 1 " + PACKAGE + "BudgetSample#nPlusOneFails"), found::toString);
        assertTrue(found.contains("test 1 " + PACKAGE + "BudgetSample#parameterizedInvocationsAreMeasuredEach[1]"), found::toString);
        assertTrue(found.contains("test 1 " + PACKAGE + "BudgetSample#parameterizedInvocationsAreMeasuredEach[2]"), found::toString);
        assertTrue(found.contains("test 1 " + PACKAGE + "ClassBudgetSample$Inner#enclosingClassBudgetFails"), found::toString);
        assertTrue(found.contains("manual 2 around each test"), found::toString);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Where the child's agent writes its report: the subclasses pass it as an option. */
    static Path reportOf(SampleJvm jvm) {
        return jvm.dir().resolve("report.json");
    }

    void assertFailure(String name, String exception, String message) {
        assertEquals(exception, run().outcomes().getProperty(name + ".exception"), this::describe);
        assertEquals(message, message(name));
    }

    String message(String name) {
        String message = run().outcomes().getProperty(name + ".message");
        assertTrue(message != null, () -> "no failure message for " + name + describe());
        return message;
    }

    private Set<String> names(String status) {
        Properties o = run().outcomes();
        return o.stringPropertyNames().stream().filter(k -> k.endsWith(".status") && o.getProperty(k).equals(status))
                .map(k -> k.substring(0, k.length() - ".status".length())).collect(Collectors.toCollection(TreeSet::new));
    }

    String describe() {
        return "outcomes: " + new TreeSet<>(run().outcomes().stringPropertyNames()) + run().describe();
    }
}

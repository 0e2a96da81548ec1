package dev.nplusone.junit;

import dev.nplusone.api.Finding;
import dev.nplusone.api.ScopeResult;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One test's {@link QueryBudget}, and what breaks it. */
final class Budget {

    private static final Budget DEFAULT = new Budget(QueryBudget.UNLIMITED, true, false, false);
    /** Frames of a finding's stack shown after its location; the agent's log has them all. */
    private static final int SHOWN_FRAMES = 5;
    /** This extension's own frames, below the test method: they tell the reader nothing. */
    private static final String OWN_FRAMES = Budget.class.getPackageName() + ".";

    private final int maxQueries;
    private final boolean failOnNPlusOne;
    private final boolean failOnDuplicate;
    private final boolean failOnBatchable;

    private Budget(int maxQueries, boolean failOnNPlusOne, boolean failOnDuplicate, boolean failOnBatchable) {
        this.maxQueries = maxQueries;
        this.failOnNPlusOne = failOnNPlusOne;
        this.failOnDuplicate = failOnDuplicate;
        this.failOnBatchable = failOnBatchable;
    }

    /** The method's annotation, else its class's (or an enclosing class's, for {@code @Nested} tests), else the defaults. */
    static Budget of(Method method, Class<?> testClass) {
        Optional<QueryBudget> found = AnnotationSupport.findAnnotation(method, QueryBudget.class);
        for (Class<?> c = testClass; found.isEmpty() && c != null; c = c.getEnclosingClass()) {
            found = AnnotationSupport.findAnnotation(c, QueryBudget.class);
        }
        return found.map(a -> new Budget(a.maxQueries(), a.failOnNPlusOne(), a.failOnDuplicate(), a.failOnBatchable())).orElse(DEFAULT);
    }

    /** Why the test broke this budget, as its failure message; null when it kept it. */
    String breach(ScopeResult result) {
        if (!result.recorded()) {
            return "query budget of " + result.name() + " not checked: the nplusone agent recorded nothing for this test"
                    + " (was it detached, or did the test run inside an nplusone scope of the same name?)";
        }
        if ((failOnNPlusOne || failOnDuplicate || failOnBatchable) && !result.findingsChecked()) {
            return "query budget of " + result.name() + " not checked: the test ran inside another nplusone scope of its thread,"
                    + " and N+1 and duplicate queries are detected over the outermost scope when it closes" + statements(result);
        }
        List<String> problems = new ArrayList<>();
        if (maxQueries != QueryBudget.UNLIMITED && result.statements() > maxQueries) {
            problems.add(result.statements() + " statements, more than maxQueries = " + maxQueries);
        }
        List<Finding> failing = new ArrayList<>();
        if (failOnNPlusOne) {
            failing.addAll(counted(problems, result.findings(Finding.Type.N_PLUS_ONE), "N+1 query", "N+1 queries", "failOnNPlusOne"));
        }
        if (failOnDuplicate) {
            failing.addAll(counted(problems, result.findings(Finding.Type.DUPLICATE), "duplicate query", "duplicate queries", "failOnDuplicate"));
        }
        if (failOnBatchable) {
            failing.addAll(counted(problems, result.findings(Finding.Type.BATCHABLE), "batchable write", "batchable writes", "failOnBatchable"));
        }
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder("query budget exceeded in ").append(result.name()).append(": ")
                .append(String.join("; ", problems)).append(statements(result));
        for (Finding f : failing) {
            describe(message, f);
        }
        return message.toString();
    }

    private String statements(ScopeResult result) {
        return System.lineSeparator() + "  statements: " + result.statements() + ", "
                + (maxQueries == QueryBudget.UNLIMITED ? "maxQueries unlimited" : "maxQueries = " + maxQueries);
    }

    private static List<Finding> counted(List<String> problems, List<Finding> findings, String one, String many, String attribute) {
        if (!findings.isEmpty()) {
            problems.add(findings.size() + " " + (findings.size() == 1 ? one : many) + " (" + attribute + " = true)");
        }
        return findings;
    }

    // The agent's log block, shortened: enough to find the line and the statement.
    private static void describe(StringBuilder message, Finding f) {
        if (f.type() == Finding.Type.N_PLUS_ONE) {
            line(message, 1, "N+1 query: " + f.repetitions() + " executions of one statement shape from one call site");
        } else if (f.type() == Finding.Type.BATCHABLE) {
            line(message, 1, "Batchable writes: " + f.repetitions() + " executions of one write from one call site, one at a time");
        } else {
            line(message, 1, "Duplicate query: the same statement with the same parameters ran " + f.repetitions() + " times");
        }
        line(message, 2, "location: " + f.location());
        line(message, 2, "shape:    " + f.shape());
        if (f.path().size() > 1) {
            line(message, 2, "scope:    " + String.join(" > ", f.path()));
        }
        if (f.type() == Finding.Type.N_PLUS_ONE && f.trigger() != null) {
            line(message, 2, "after:    " + f.trigger());
        }
        if (f.association() != null) {
            line(message, 2, "loads:    " + f.association());
        }
        if (f.jsonPath() != null) {
            line(message, 2, "json:     " + f.jsonPath());
        }
        if (f.parameters() != null) {
            line(message, 2, "params:   " + f.parameters());
        }
        if (f.hint() != null) {
            line(message, 2, "fix:      " + f.hint());
        }
        List<String> stack = f.stack();
        int shown = 0;
        for (int i = 1; i < stack.size() && shown < SHOWN_FRAMES; i++) {
            if (!stack.get(i).startsWith(OWN_FRAMES)) {
                line(message, 2, (shown++ == 0 ? "called:   " : "          ") + stack.get(i));
            }
        }
    }

    private static void line(StringBuilder message, int indent, String text) {
        message.append(System.lineSeparator()).append("  ".repeat(indent)).append(text);
    }
}

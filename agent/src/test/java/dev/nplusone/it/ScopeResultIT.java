package dev.nplusone.it;

import dev.nplusone.it.apps.ScopeResultApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code NPlusOne.Scope.result()} through the bridge of the packaged agent: what a closed scope saw,
 * findings for an outermost scope only, and one scope where a test scope meets the agent's own
 * advice for the same test method.
 */
class ScopeResultIT {

    static final String APP = ScopeResultApp.class.getName();
    static final String TITLES = "select title from book where author_id = ?";
    static final String COUNT = "select count(*) from book";
    static final SourceLine N_PLUS_ONE = SourceLine.of(ScopeResultApp.class, "// N+1: titles of each author");
    static final SourceLine EACH_AUTHOR = SourceLine.of(ScopeResultApp.class, "// for each author");
    static final SourceLine DUPLICATE = SourceLine.of(ScopeResultApp.class, "// duplicate: the same count twice");
    static final SourceLine SECOND_COUNT = SourceLine.of(ScopeResultApp.class, "// the second count");

    static Result result;

    @BeforeAll
    static void run() {
        result = ChildJvm.of("scope-result", ScopeResultApp.class).withAgent("").run().assertCleanRun();
    }

    @Test
    void anOutermostScopeHasItsStatementsAndFindings() {
        assertEquals("outer: manual scope 'shelf audit': " + (2 + 1 + ScopeResultApp.AUTHORS) + " statements, 2 findings", line("outer: "));
        assertEquals(List.of(
                        String.join(" | ", "duplicate", ScopeResultApp.OUTER + " > " + ScopeResultApp.INNER, COUNT, "2",
                                DUPLICATE.frame("countBooks"), DUPLICATE.frame("countBooks") + " < " + SECOND_COUNT.frame("main"),
                                "null", "null"),
                        String.join(" | ", "n_plus_one", ScopeResultApp.OUTER, TITLES, Integer.toString(ScopeResultApp.AUTHORS),
                                N_PLUS_ONE.frame("titles"), N_PLUS_ONE.frame("titles") + " < " + EACH_AUTHOR.frame("main"),
                                "select id from author order by id", "null")),
                lines("outer finding: ").stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void aNestedScopeHasItsStatementsOnly() {
        assertEquals("inner: manual scope 'count books': 2 statements, findings checked with the outermost scope", line("inner: "));
        assertEquals(List.of(), lines("inner finding: "));
    }

    @Test
    void aTestScopeAndTheAdviceForItsMethodAreOneScope() {
        assertEquals("test: test scope '" + ScopeResultApp.TEST + "': 1 statement, 0 findings", line("test: "));
        assertEquals("same name: test scope '" + ScopeResultApp.TEST + "': not recorded", line("same name: "),
                "a scope of the kind and name of the innermost one is not opened");
        assertEquals("manual: manual scope '" + ScopeResultApp.TEST + "': 0 statements, findings checked with the outermost scope",
                line("manual: "), "another kind of the same name is a scope of its own");
        Report.Scope test = scope("test", ScopeResultApp.TEST);
        assertEquals(2, test.instances(), "one for the call inside the test scope, one the advice opened for the call alone");
        assertEquals(2, test.statements().total());
        assertEquals(1, scope("manual", ScopeResultApp.TEST).instances());
    }

    private static Report.Scope scope(String kind, String name) {
        List<Report.Scope> found = result.report().scopes().stream().filter(s -> s.kind().equals(kind) && s.name().equals(name))
                .collect(Collectors.toList());
        assertEquals(1, found.size(), () -> kind + " " + name + ": " + result.report().scopeNames());
        return found.get(0);
    }

    private static String line(String prefix) {
        List<String> found = lines(prefix);
        assertEquals(1, found.size(), () -> "lines starting with '" + prefix + "':\n" + result.stdoutText());
        return prefix + found.get(0);
    }

    private static List<String> lines(String prefix) {
        return result.stdout().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).collect(Collectors.toList());
    }
}

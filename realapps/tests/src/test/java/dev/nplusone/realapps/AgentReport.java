package dev.nplusone.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nplusone.testkit.ReportJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The agent's JSON report (docs/report-format.md), the parts these tests check, read by the shared
 * {@link ReportJson} into these records. Unknown fields are ignored: the format grows.
 */
record AgentReport(Path file, List<Scope> scopes, List<Finding> findings) {

    record Scope(String name, String kind, long instances) {
    }

    record Finding(String type, String scope, String shape, int repetitions, String location, String locationKind,
                   List<String> stack, String trigger, String association) {

        @Override
        public String toString() {
            return type + " x" + repetitions + " in '" + scope + "' at " + location + " (" + locationKind + ")"
                    + (association == null ? "" : " of " + association) + "\n      " + shape
                    + (trigger == null ? "" : "\n      trigger: " + trigger);
        }
    }

    /** What a test expects: a finding of this type in this scope, at this frame, with so many repetitions. */
    record Expected(String scope, String type, String location, int repetitions) {

        @Override
        public String toString() {
            return type + " x" + repetitions + " in '" + scope + "' at " + location;
        }
    }

    private record Document(List<Scope> scopes, List<Finding> findings) {
    }

    static AgentReport read(Path file) {
        Document document = ReportJson.read(file).as(Document.class);
        return new AgentReport(file, document.scopes(), document.findings());
    }

    /**
     * The one finding of that type in that scope, checked against what was expected: exactly one
     * such finding, at that location, with that many repetitions, located in application code.
     */
    Finding assertFinding(Expected expected) {
        assertScope(expected.scope());
        List<Finding> matches = findings.stream()
                .filter(f -> f.type().equals(expected.type()) && f.scope().equals(expected.scope()))
                .toList();
        if (matches.size() != 1) {
            fail("expected one " + expected + ", found " + matches.size() + describe());
        }
        Finding finding = matches.get(0);
        assertEquals(expected.location(), finding.location(), () -> "location of " + expected + describe());
        assertEquals("application", finding.locationKind(), () -> "locationKind of " + finding + describe());
        assertEquals(expected.repetitions(), finding.repetitions(), () -> "repetitions of " + finding + describe());
        return finding;
    }

    /** The findings of that scope are of these types, and only these. */
    void assertTypesIn(String scope, String... types) {
        assertScope(scope);
        List<String> actual = findings.stream().filter(f -> f.scope().equals(scope)).map(Finding::type).sorted().toList();
        assertEquals(List.of(types).stream().sorted().toList(), actual, () -> "finding types in '" + scope + "'" + describe());
    }

    /**
     * Every finding is one of those expected (type, scope and location), and every one named an
     * application line: not a pool's, a driver's, Spring's or Hibernate's, however the application's
     * own package is called. Findings of the {@code frameworkScopes}, where no application frame was
     * on the stack, are said to be so instead, and are checked by their own tests.
     */
    void assertOnly(String applicationPackage, List<Expected> expected, String... frameworkScopes) {
        List<String> framework = List.of(frameworkScopes);
        List<String> wanted = expected.stream().map(e -> e.type() + " | " + e.scope() + " | " + e.location()).sorted().toList();
        List<String> actual = findings.stream().filter(f -> !framework.contains(f.scope()))
                .map(f -> f.type() + " | " + f.scope() + " | " + f.location()).sorted().toList();
        assertEquals(String.join("\n", wanted), String.join("\n", actual), () -> "findings (type | scope | location)" + describe());
        for (Finding finding : findings) {
            boolean inApplication = finding.location() != null && finding.location().startsWith(applicationPackage + ".");
            if (framework.contains(finding.scope())) {
                assertEquals("framework", finding.locationKind(), () -> "locationKind of " + finding + describe());
                assertFalse(inApplication, () -> "no application frame was on the stack of " + finding + describe());
            } else {
                assertEquals("application", finding.locationKind(), () -> "locationKind of " + finding + describe());
                assertTrue(inApplication, () -> "an application frame (" + applicationPackage + ") as the location of " + finding + describe());
            }
        }
    }

    /** The findings of that scope. */
    List<Finding> findingsIn(String scope) {
        assertScope(scope);
        return findings.stream().filter(f -> f.scope().equals(scope)).toList();
    }

    /** No finding's trigger (the query that loaded the parents) is a write or DDL: only a query loads rows. */
    void assertTriggersAreQueries() {
        for (Finding finding : findings) {
            if (finding.trigger() != null) {
                String verb = finding.trigger().strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                assertFalse(List.of("insert", "update", "delete", "merge", "create", "alter", "drop", "truncate").contains(verb),
                        () -> "a write or DDL as the trigger of " + finding + describe());
            }
        }
    }

    void assertScope(String name) {
        assertTrue(scopes.stream().anyMatch(s -> s.name().equals(name) && s.kind().equals("http")),
                () -> "no http scope '" + name + "' in " + file + "; scopes: " + scopes.stream().map(Scope::name).toList());
    }

    String describe() {
        return "\n  all findings in " + file + ":\n    "
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n    "));
    }
}

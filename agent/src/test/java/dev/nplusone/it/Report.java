package dev.nplusone.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.testkit.ReportJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The agent's JSON report, read by the shared {@link ReportJson} and bound to records named like its
 * fields. Unknown fields are allowed (the format may grow); {@link #tree} gives the raw document for
 * checks of the field names themselves.
 */
record Report(int version, String generated, long pid, int threshold, Summary summary, List<Scope> scopes, List<Finding> findings) {

    /** For {@link #tree}: any JSON file, the report or a SARIF log. */
    private static final ObjectMapper JSON = new ObjectMapper();

    record Summary(int scopes, long scopeInstances, long statements, long unscoped, int findings, long cappedScopeInstances,
                   long agentErrors) {
    }

    record Scope(String name, String kind, long instances, Statements statements) {
        record Statements(long total, long max) {
        }
    }

    record Finding(String type, String scope, List<String> path, String shape, int repetitions, long occurrences,
                   long totalRepetitions, String location, List<String> stack, String trigger, String association,
                   String associationKind, String jsonPath, String hint, long timeMillis, String parameters) {
    }

    static Report read(Path file) {
        return ReportJson.read(file).as(Report.class);
    }

    static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The scope of that name; fails when there is none. */
    Scope scope(String name) {
        return scopes.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no scope '" + name + "' in the report; scopes: " + scopeNames()));
    }

    List<String> scopeNames() {
        return scopes.stream().map(Scope::name).collect(Collectors.toList());
    }

    /** Findings of one type whose outermost scope has that name. */
    List<Finding> findings(String type, String scope) {
        return findings.stream().filter(f -> f.type().equals(type) && f.scope().equals(scope)).collect(Collectors.toList());
    }

    /** The single finding of that type, scope and shape; fails when there is none or more than one. */
    Finding finding(String type, String scope, String shape) {
        List<Finding> matches = findings.stream()
                .filter(f -> f.type().equals(type) && f.scope().equals(scope) && f.shape().equals(shape))
                .collect(Collectors.toList());
        if (matches.size() != 1) {
            fail("expected one " + type + " finding in '" + scope + "' for '" + shape + "', found " + matches.size()
                    + "; all findings:\n" + describeFindings());
        }
        return matches.get(0);
    }

    /** Asserts that the findings are exactly these, made by {@link #triple}, in any order. */
    void assertFindings(String... triples) {
        List<String> expected = Stream.of(triples).sorted().collect(Collectors.toList());
        List<String> actual = findings.stream().map(f -> triple(f.type(), f.scope(), f.shape())).sorted().collect(Collectors.toList());
        assertEquals(String.join("\n", expected), String.join("\n", actual), "findings (type | scope | shape)");
    }

    String describeFindings() {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    /** A "type | scope | shape" triple for {@link #assertFindings}. */
    static String triple(String type, String scope, String shape) {
        return type + " | " + scope + " | " + shape;
    }
}

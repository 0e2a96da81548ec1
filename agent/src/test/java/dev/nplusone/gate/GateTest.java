package dev.nplusone.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging, judging and baselines over report files written here (CheckIT runs the same against real agents). */
class GateTest {

    @TempDir
    Path dir;

    @Test
    void mergesScopesAndFindingsOfSeveralReports() throws Exception {
        Path a = report("a.json", 10, 12, 4);
        Path b = report("b.json", 3, 30, 9);
        Reports reports = Reports.read(List.of(a, b));
        ScopeTotal scope = reports.scopes().iterator().next();
        assertEquals(2, reports.scopes().size(), "GET /orders and the test scope");
        assertEquals(13, scope.instances());
        assertEquals(30, scope.maxStatements());
        FindingTotal f = reports.findings().iterator().next();
        assertEquals(1, reports.findings().size());
        assertEquals(9, f.repetitions(), "the larger");
        assertEquals(2, f.occurrences(), "one per report");
        assertEquals(13, f.totalRepetitions());
        assertEquals("com.acme.Mapper.toDto", Breach.method(f.location()));
    }

    @Test
    void budgetsInTheBaselineOnlyRatchetDown() throws Exception {
        Thresholds budget = Thresholds.parse(List.of("max-queries=20", "fail-on-n-plus-one=false"));
        Path base = dir.resolve("baseline.json");
        Gate.Verdict before = Gate.judge(Reports.read(List.of(report("r1.json", 1, 25, 4))), budget, Baseline.none());
        assertEquals(1, before.breaches().size());
        Baseline.write(base, before.all());

        Baseline baseline = Baseline.read(base);
        assertTrue(Gate.judge(Reports.read(List.of(report("r2.json", 1, 25, 4))), budget, baseline).passed(), "the same");
        assertTrue(Gate.judge(Reports.read(List.of(report("r3.json", 1, 22, 4))), budget, baseline).passed(), "better");
        Gate.Verdict worse = Gate.judge(Reports.read(List.of(report("r4.json", 1, 26, 4))), budget, baseline);
        assertFalse(worse.passed(), "worse than recorded");
        assertEquals("max-queries in GET /orders: 26 statements in one scope instance, max-queries allows 20",
                worse.breaches().get(0).headline());
    }

    @Test
    void aNewerFormatIsRefusedNotMisread() throws IOException {
        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"version\": 2, \"scopes\": [], \"findings\": []}");
        UnreadableReport e = assertThrows(UnreadableReport.class, () -> Reports.read(List.of(future)));
        assertTrue(e.getMessage().contains("report format version 2 is newer than this check understands (1)"), e.getMessage());
    }

    @Test
    void aFindingWithoutItsFieldsIsNotAReport() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"version\": 1, \"scopes\": [], \"findings\": [{\"type\": \"n_plus_one\"}]}");
        UnreadableReport e = assertThrows(UnreadableReport.class, () -> Reports.read(List.of(bad)));
        assertEquals(bad + ": not an nplusone report: field 'path' is missing or not an array", e.getMessage());
    }

    private Path report(String name, long instances, long max, long repetitions) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "{\"version\": 1, \"scopes\": ["
                + "{\"name\": \"GET /orders\", \"kind\": \"http\", \"instances\": " + instances
                + ", \"statements\": {\"total\": " + (instances * max) + ", \"max\": " + max + "}},"
                + "{\"name\": \"com.acme.OrderTest#lists\", \"kind\": \"test\", \"instances\": 1, \"statements\": {\"total\": 2, \"max\": 2}}],"
                + " \"findings\": [{\"type\": \"n_plus_one\", \"scope\": \"GET /orders\", \"path\": [\"GET /orders\"],"
                + " \"shape\": \"select * from line where order_id = ?\", \"repetitions\": " + repetitions
                + ", \"occurrences\": 1, \"totalRepetitions\": " + repetitions + ","
                + " \"location\": \"com.acme.Mapper.toDto(Mapper.java:42)\","
                + " \"stack\": [\"com.acme.Mapper.toDto(Mapper.java:42)\"], \"timeMillis\": 1}]}");
        return file;
    }
}

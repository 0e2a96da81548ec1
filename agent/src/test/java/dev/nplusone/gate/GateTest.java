package dev.nplusone.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    static final String POOL = "com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)";
    static final String OWNERS = "com.acme.Owners.list(Owners.java:40)";
    static final String PETS = "select * from pet where owner_id = ?";

    @Test
    void batchableWritesAreListedUntilTheyAreMadeToFail() throws Exception {
        Path r = findings("r.json", finding("batchable", "com.acme.ImportTest#imports", "insert into pet values (?, ?)", OWNERS, 40, null));
        Gate.Verdict allowed = Gate.judge(Reports.read(List.of(r)), Thresholds.defaults(), Baseline.none());
        assertTrue(allowed.passed());
        assertEquals(1, allowed.allowed().size());
        assertEquals("batchable writes in com.acme.ImportTest#imports: 40 executions in one scope instance at " + OWNERS,
                allowed.allowed().get(0).headline);
        assertEquals("fail-on-batchable=false", allowed.allowed().get(0).because);

        Gate.Verdict failing = Gate.judge(Reports.read(List.of(r)), Thresholds.parse(List.of("fail-on-batchable=true")), Baseline.none());
        assertEquals("batchable writes in com.acme.ImportTest#imports: 40 executions in one scope instance at " + OWNERS,
                failing.breaches().get(0).headline());
        assertTrue(failing.allowed().isEmpty());
    }

    @Test
    void thePassingCheckListsWhatDoesNotFailOneLineEachCapped() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < Check.ALLOWED_SHOWN + 3; i++) {
            many.append(i == 0 ? "" : ",").append(finding("duplicate", "com.acme.T" + i + "#t", "select * from owner where id = ?",
                    "com.acme.Owners.find(Owners.java:" + i + ")", 2, "application"));
        }
        List<String> out = check(findings("r.json", many.toString()).toString());
        assertEquals("nplusone check: " + (Check.ALLOWED_SHOWN + 3) + " that do not fail the build (the reports have each in full):",
                out.get(1), String.join("\n", out));
        assertEquals("  duplicate in com.acme.T0#t: 2 executions in one scope instance at com.acme.Owners.find(Owners.java:0)"
                + " (fail-on-duplicate=false)", out.get(2));
        assertEquals("  ... and 3 more", out.get(2 + Check.ALLOWED_SHOWN));
        assertEquals("nplusone check: PASSED, no breach", out.get(out.size() - 1));
    }

    @Test
    void theBaselineRecordsWhetherTheLocationIsApplicationCode() throws Exception {
        Path r = findings("r.json", finding("n_plus_one", "com.acme.OwnerTest#lists", PETS, OWNERS, 5, "application") + ","
                + finding("n_plus_one", "com.acme.PetTest#lists", PETS, POOL, 5, "framework"));
        Path base = dir.resolve("baseline.json");
        assertEquals(0, new Check(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "test")
                .run(List.of("--write-baseline=" + base, r.toString())));
        String written = Files.readString(base);
        assertTrue(written.contains("\"method\": \"com.acme.Owners.list\",\n      \"locationKind\": \"application\""), written);
        assertTrue(written.contains("\"method\": \"com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery\",\n      \"locationKind\": \"framework\""),
                written);
    }

    @Test
    void anOldEntryAtAPoolFrameMatchesTheFindingNowAtApplicationCode() throws Exception {
        Path base = baseline(entry("n_plus_one", "com.acme.OwnerTest#lists", PETS, "com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery", null));
        Path now = findings("now.json", finding("n_plus_one", "com.acme.OwnerTest#lists", PETS, OWNERS, 5, "application"));
        Gate.Verdict v = Gate.judge(Reports.read(List.of(now)), Thresholds.defaults(), Baseline.read(base));
        assertTrue(v.passed());
        assertEquals(1, v.known().size());
        assertEquals(1, v.baseline().upgraded().size());

        List<String> out = check("--baseline=" + base, now.toString());
        assertEquals("nplusone check: baseline entry upgraded: N+1 in com.acme.OwnerTest#lists (" + PETS + "), recorded at"
                + " com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery (a frame this run no longer reports), is now at " + OWNERS
                + "; record the new location with --write-baseline=" + base, out.get(out.size() - 2));
        assertEquals("nplusone check: PASSED, no breach; 1 known from the baseline", out.get(out.size() - 1));

        List<String> maven = check("--option-names=maven", "--baseline=" + base, "--write-baseline=" + base, now.toString());
        assertTrue(maven.get(maven.size() - 2).endsWith("is now at " + OWNERS + "; the baseline written now records the new location"),
                String.join("\n", maven));
        assertEquals("nplusone check: baseline of 1 breach written to " + base + "; check with <baseline>" + base + "</baseline> in the"
                + " nplusone plugin's configuration (or -Dnplusone.baseline=" + base + ") to fail on new ones only", maven.get(maven.size() - 1));
        String rewritten = Files.readString(base);
        assertTrue(rewritten.contains("\"method\": \"com.acme.Owners.list\""), rewritten);
        assertFalse(rewritten.contains("zaxxer"), rewritten);
        assertTrue(check("--baseline=" + base, now.toString()).stream().noneMatch(l -> l.contains("baseline entry")), "matched exactly now");
    }

    @Test
    void anEntryAtFrameworkCodeMatchesByStatementAndIsIgnoredWhenNothingMatches() throws Exception {
        Path base = baseline(entry("n_plus_one", "com.acme.OwnerTest#lists", PETS, "com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery",
                "framework") + "," + entry("n_plus_one", "com.acme.VetTest#lists", PETS, "com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery",
                "framework"));
        Path now = findings("now.json", finding("n_plus_one", "com.acme.OwnerTest#lists", PETS, OWNERS, 5, "application") + ","
                + finding("n_plus_one", "com.acme.OwnerTest#lists", PETS, "com.acme.Owners.page(Owners.java:60)", 5, "application"));
        Gate.Verdict v = Gate.judge(Reports.read(List.of(now)), Thresholds.defaults(), Baseline.read(base));
        assertTrue(v.passed(), "both places of the statement are known");
        List<String> out = check("--baseline=" + base, now.toString());
        assertTrue(out.contains("nplusone check: baseline entry upgraded: N+1 in com.acme.OwnerTest#lists (" + PETS + "), recorded at"
                + " com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery (not application code), is now at " + OWNERS
                + " (and 1 more place); record the new location with --write-baseline=" + base), String.join("\n", out));
        assertTrue(out.contains("nplusone check: baseline entry ignored: N+1 in com.acme.VetTest#lists (" + PETS + "), recorded at"
                + " com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery (not application code): no N+1 of that statement in that scope"
                + " in this run"), String.join("\n", out));
    }

    @Test
    void anOldEntryDoesNotForgiveAMoveTheReportsCannotJudge() throws Exception {
        Path base = baseline(entry("n_plus_one", "com.acme.OwnerTest#lists", PETS, "com.acme.Owners.all", null) + ","
                + entry("n_plus_one", "com.acme.PetTest#lists", PETS, "com.acme.Pets.all", "application"));
        Path now = findings("now.json", finding("n_plus_one", "com.acme.OwnerTest#lists", PETS, OWNERS, 5, null) + ","
                + finding("n_plus_one", "com.acme.PetTest#lists", PETS, "com.acme.Pets.page(Pets.java:9)", 5, "application"));
        Gate.Verdict v = Gate.judge(Reports.read(List.of(now)), Thresholds.defaults(), Baseline.read(base));
        assertEquals(2, v.breaches().size(), "a move within the application is a new finding; an old report cannot tell");
        assertEquals(1, v.baseline().ignored().size());
        List<String> out = check("--baseline=" + base, now.toString());
        assertTrue(out.contains("nplusone check: baseline entry ignored: N+1 in com.acme.OwnerTest#lists (" + PETS + "), recorded at"
                + " com.acme.Owners.all: this run has it at " + OWNERS + ", which the reports do not mark as application code"),
                String.join("\n", out));
    }

    @Test
    void aMissingBaselineSaysHowToRecordOne() throws Exception {
        Path r = findings("r.json", finding("n_plus_one", "com.acme.OwnerTest#lists", PETS, OWNERS, 5, null));
        Path absent = dir.resolve("absent.json");
        UnreadableReport cli = assertThrows(UnreadableReport.class, () -> check("--baseline=" + absent, r.toString()));
        assertEquals(absent + ": no such baseline file; record one first with --write-baseline=" + absent, cli.getMessage());
        UnreadableReport maven = assertThrows(UnreadableReport.class,
                () -> check("--option-names=maven", "--baseline=" + absent, r.toString()));
        assertEquals(absent + ": no such baseline file; record one first with -Dnplusone.writeBaseline=" + absent, maven.getMessage());
    }

    private List<String> check(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Check(new PrintStream(bytes, true, StandardCharsets.UTF_8), "test").run(List.of(args));
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    private Path baseline(String entries) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"version\": 1, \"breaches\": [" + entries + "]}");
        return file;
    }

    private static String entry(String type, String scope, String shape, String method, String locationKind) {
        return "{\"type\": \"" + type + "\", \"scope\": \"" + scope + "\", \"shape\": \"" + shape + "\", \"method\": \"" + method + "\""
                + (locationKind == null ? "" : ", \"locationKind\": \"" + locationKind + "\"") + "}";
    }

    private Path findings(String name, String findings) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "{\"version\": 1, \"scopes\": [], \"findings\": [" + findings + "]}");
        return file;
    }

    private static String finding(String type, String scope, String shape, String location, long repetitions, String locationKind) {
        return "{\"type\": \"" + type + "\", \"scope\": \"" + scope + "\", \"path\": [\"" + scope + "\"], \"shape\": \"" + shape + "\","
                + " \"repetitions\": " + repetitions + ", \"occurrences\": 1, \"totalRepetitions\": " + repetitions + ","
                + " \"location\": \"" + location + "\", \"stack\": [\"" + location + "\"], \"timeMillis\": 1"
                + (locationKind == null ? "" : ", \"locationKind\": \"" + locationKind + "\"") + "}";
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

package dev.nplusone.it;

import dev.nplusone.it.apps.GateApp;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build gate end to end: test JVMs with the agent write one report each into a directory, then
 * {@code java -jar nplusone-agent.jar check} (a real process, as a build runs it) judges them.
 */
class CheckIT {

    static final Path BASEDIR = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    static final SourceLine LOOP = SourceLine.of(GateApp.class, "// N+1: lines of each order");

    /** Two forks: one with the N+1, one fixed that also reads a row twice. */
    static Path forks;
    /** One fixed run. */
    static Path fixed;
    static Result withThresholdOptions;

    @BeforeAll
    static void runTestJvms() throws IOException {
        forks = fresh("gate-forks");
        fixed = fresh("gate-fixed");
        String perFork = "report=" + forks.resolve("nplusone-%p.json");
        try (ChildJvm.Running one = ChildJvm.of("gate-fork-1", GateApp.class).withAgentArgument(perFork).args("naive").start();
             ChildJvm.Running two = ChildJvm.of("gate-fork-2", GateApp.class).withAgentArgument(perFork).args("fixed", "duplicate").start();
             ChildJvm.Running three = ChildJvm.of("gate-fixed", GateApp.class)
                     .withAgentArgument("report=" + fixed.resolve("nplusone-%p.json")).args("fixed").start();
             ChildJvm.Running four = ChildJvm.of("gate-options", GateApp.class)
                     .withAgent("max-queries=3,max-queries[GET /reports/**]=100").args("naive").start()) {
            one.await().assertCleanRun();
            two.await().assertCleanRun();
            three.await().assertCleanRun();
            withThresholdOptions = four.await().assertCleanRun();
        }
        try (Stream<Path> files = Files.list(forks)) {
            assertEquals(2, files.count(), "one report per fork in " + forks);
        }
    }

    @Test
    void mergesTheForksAndFailsOnTheNPlusOne() {
        Check c = check(forks.toString());
        assertEquals(1, c.exit, c::describe);
        assertEquals("nplusone check: 2 reports, 2 scopes (4 instances), 2 findings", c.out.get(0), c::describe);
        assertTrue(c.out.contains("BREACH N+1 in " + GateApp.JOB + ": " + GateApp.ORDERS + " executions in one scope instance at "
                + LOOP.frame("naive")), c::describe);
        assertTrue(c.out.contains("  statement:   " + GateApp.LINES_OF_ORDER), c::describe);
        assertTrue(c.out.contains("      at " + LOOP.frame("naive")), c::describe);
        assertEquals("nplusone check: FAILED, 1 breach (1 N+1)", last(c), c::describe);
    }

    @Test
    void theFixedRunPasses() {
        Check c = check(fixed.toString());
        assertEquals(0, c.exit, c::describe);
        assertEquals("nplusone check: PASSED, no breach", last(c), c::describe);
    }

    @Test
    void duplicatesFailOnlyWhenAskedTo() {
        Check off = check("fail-on-n-plus-one=false", forks.toString());
        assertEquals(0, off.exit, off::describe);
        Check on = check("fail-on-n-plus-one=false", "fail-on-duplicate=true", forks.toString());
        assertEquals(1, on.exit, on::describe);
        assertTrue(on.out.stream().anyMatch(l -> l.startsWith("BREACH duplicate in " + GateApp.REPORT + ": 2 executions")), on::describe);
        assertTrue(on.out.contains("  statement:   " + GateApp.LINE_BY_ID), on::describe);
    }

    @Test
    void maxQueriesPerScopeInstanceWithOverridesByScopePattern() {
        Check over = check("max-queries=5", fixed.toString());
        assertEquals(1, over.exit, over::describe);
        assertTrue(over.out.contains("BREACH max-queries in " + GateApp.REPORT + ": " + GateApp.REPORT_STATEMENTS
                + " statements in one scope instance, max-queries allows 5"), over::describe);
        assertEquals(0, check("max-queries=" + GateApp.REPORT_STATEMENTS, fixed.toString()).exit);
        Check overridden = check("max-queries=5", "max-queries[GET /reports/**]=" + GateApp.REPORT_STATEMENTS, fixed.toString());
        assertEquals(0, overridden.exit, overridden::describe);
        Check tighter = check("max-queries[GET /reports/*]=1", fixed.toString());
        assertEquals(1, tighter.exit, tighter::describe);
        assertTrue(tighter.out.contains("BREACH max-queries in " + GateApp.REPORT + ": " + GateApp.REPORT_STATEMENTS
                + " statements in one scope instance, max-queries[GET /reports/*] allows 1"), tighter::describe);
    }

    @Test
    void aBaselineFailsOnlyNewFindingsAndSurvivesLineChanges() throws IOException {
        Path dir = fresh("gate-baseline");
        Path baseline = dir.resolve("baseline.json");
        Check write = check("--write-baseline=" + baseline, forks.toString());
        assertEquals(0, write.exit, write::describe);
        assertTrue(Files.isRegularFile(baseline));

        Check known = check("--baseline=" + baseline, forks.toString());
        assertEquals(0, known.exit, known::describe);
        assertEquals("nplusone check: PASSED, no breach; 1 known from the baseline", last(known), known::describe);

        String original = Files.readString(naiveReport(), StandardCharsets.UTF_8);
        String atLine = "GateApp.java:" + LOOP.line() + ")";
        assertTrue(original.contains(atLine), original);
        Path moved = Files.createDirectories(dir.resolve("moved"));
        Files.writeString(moved.resolve("r.json"), original.replace(atLine, "GateApp.java:" + (LOOP.line() + 40) + ")"));
        assertEquals(0, check("--baseline=" + baseline, moved.toString()).exit, "a finding whose line moved is still known");

        Path renamed = Files.createDirectories(dir.resolve("renamed"));
        Files.writeString(renamed.resolve("r.json"), original.replace("GateApp.naive(", "GateApp.naiveOrders("));
        Check fresh = check("--baseline=" + baseline, renamed.toString());
        assertEquals(1, fresh.exit, fresh::describe);
        assertEquals("nplusone check: FAILED, 1 breach (1 N+1); 0 known from the baseline", last(fresh), fresh::describe);
    }

    @Test
    void unreadableInputIsAnErrorNamingTheFileNeverAPass() throws IOException {
        String good = Files.readString(naiveReport(), StandardCharsets.UTF_8);
        Path truncatedDir = fresh("gate-truncated");
        Files.copy(naiveReport(), truncatedDir.resolve("a.json"));
        Path truncated = truncatedDir.resolve("b.json");
        Files.writeString(truncated, good.substring(0, good.length() / 2));
        Check t = check(truncatedDir.toString());
        assertEquals(2, t.exit, t::describe);
        assertEquals(List.of("nplusone: unreadable input: " + truncated + ": not valid JSON, truncated or corrupt"),
                t.err.stream().map(l -> l.replaceAll(" \\(.*\\)$", "")).collect(Collectors.toList()), t::describe);

        Path other = fresh("gate-other").resolve("package.json");
        Files.writeString(other, "{\"name\": \"not a report\"}");
        Check o = check(other.toString());
        assertEquals(2, o.exit, o::describe);
        assertTrue(o.err.get(0).startsWith("nplusone: unreadable input: " + other + ": not an nplusone report"), o::describe);

        Path empty = fresh("gate-empty");
        Check e = check(empty.toString());
        assertEquals(2, e.exit, e::describe);
        assertTrue(e.err.get(0).contains(empty + ": no *.json report"), e::describe);

        Check missing = check(empty.resolve("absent.json").toString());
        assertEquals(2, missing.exit, missing::describe);
        assertTrue(missing.err.get(0).contains("absent.json: no such file or directory"), missing::describe);

        Check typo = check("max-queries=lots", fixed.toString());
        assertEquals(2, typo.exit, typo::describe);
        assertEquals(List.of("nplusone: bad value 'lots' for threshold 'max-queries': expected a whole number >= 0:"
                + " statements allowed in one scope instance (default: no limit)"), typo.err, typo::describe);
    }

    @Test
    void writesSarifPointingAtTheSourceLineAndJunitXml() throws Exception {
        Path dir = fresh("gate-outputs");
        Path sarif = dir.resolve("nplusone.sarif");
        Path junit = dir.resolve("TEST-nplusone.xml");
        Check c = check("--sarif=" + sarif, "--junit-xml=" + junit, forks.toString());
        assertEquals(1, c.exit, c::describe);

        JsonNode log = Report.tree(sarif);
        assertEquals("2.1.0", log.path("version").asText());
        JsonNode results = log.path("runs").path(0).path("results");
        assertEquals(1, results.size(), results::toString);
        assertEquals("n_plus_one", results.path(0).path("ruleId").asText());
        JsonNode physical = results.path(0).path("locations").path(0).path("physicalLocation");
        assertEquals("src/test/java/dev/nplusone/it/apps/GateApp.java", physical.path("artifactLocation").path("uri").asText());
        assertEquals(LOOP.line(), physical.path("region").path("startLine").asInt());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("tests"), "the failing job and the clean report scope");
        NodeList failures = xml.getElementsByTagName("failure");
        assertEquals(GateApp.JOB + " [n_plus_one]", ((Element) failures.item(0).getParentNode()).getAttribute("name"));
        assertTrue(failures.item(0).getTextContent().contains(LOOP.frame("naive")));
    }

    @Test
    void thresholdsGivenAsAgentOptionsAreJudgedAtExitWithoutFailingTheApplication() {
        LogEntry verdict = LogEntry.only(withThresholdOptions.log(), "nplusone.summary", "thresholds:");
        assertEquals("WARN", verdict.level().trim());
        assertEquals("thresholds: 2 breaches", verdict.message(), withThresholdOptions::describe);
        String text = String.join("\n", verdict.more());
        assertTrue(text.contains("N+1 in " + GateApp.JOB + ": " + GateApp.ORDERS + " executions in one scope instance at " + LOOP.frame("naive")), text);
        assertTrue(text.contains("max-queries in " + GateApp.JOB + ": " + (1 + GateApp.ORDERS) + " statements in one scope instance, max-queries allows 3"), text);
        assertEquals(0, withThresholdOptions.exitCode());
    }

    private static Path naiveReport() throws IOException {
        try (Stream<Path> files = Files.list(forks)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.readString(p).contains("\"n_plus_one\"")) {
                    return p;
                }
            }
        }
        throw new AssertionError("no report with the N+1 in " + forks);
    }

    private static Path fresh(String name) throws IOException {
        Path dir = ChildJvm.WORK_DIR.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String last(Check c) {
        return c.out.isEmpty() ? "" : c.out.get(c.out.size() - 1);
    }

    /** {@code java -jar nplusone-agent.jar check ...} run from the module directory, as a build would. */
    static Check check(String... args) {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ChildJvm.AGENT_JAR.toString(), "check"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("check", ".out");
            Path err = Files.createTempFile("check", ".err");
            Process p = new ProcessBuilder(command).directory(BASEDIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("check did not end: " + command);
            }
            Check c = new Check(command, p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
            Files.delete(out);
            Files.delete(err);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Check(List<String> command, int exit, List<String> out, List<String> err) {
        String describe() {
            return String.join(" ", command) + "\nexit " + exit + "\n--- stdout:\n" + String.join("\n", out) + "\n--- stderr:\n"
                    + String.join("\n", err);
        }
    }
}

package dev.nplusone.it;

import dev.nplusone.it.apps.JdbcApp;
import dev.nplusone.it.apps.JdbcApp.Mode;
import dev.nplusone.it.apps.Workload;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.nplusone.it.JdbcConnectionsIT.CHILDREN;
import static dev.nplusone.it.JdbcConnectionsIT.CHILD_BY_ID;
import static dev.nplusone.it.JdbcConnectionsIT.COUNT_OF_PARENT;
import static dev.nplusone.testkit.LogEntry.only;
import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The agent's options, from its argument and from {@code -Dnplusone.*}: a bad one stops the agent
 * with one line naming it, and never the application; good ones change what the agent does.
 * Every run is {@link JdbcApp} on DriverManager connections.
 */
class AgentOptionsIT {

    static final String NOT_STARTED = "nplusone: agent not started: ";
    static final String KNOWN_KEYS = "known keys: report, report-every, threshold, packages, params, log, log-file, scope-memory, and the thresholds fail-on-n-plus-one, fail-on-duplicate, fail-on-batchable, max-queries";

    static ChildJvm jdbcApp(String name) {
        return ChildJvm.of("options-" + name, JdbcApp.class).args(Mode.DRIVER_MANAGER.name());
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                arguments("unknown-key", null, "colour=red",
                        "unknown agent option 'colour'; " + KNOWN_KEYS),
                arguments("threshold-too-low", null, "threshold=1",
                        "bad value '1' for option 'threshold': expected a whole number from 2 to 1000"),
                arguments("threshold-too-high", null, "threshold=1001",
                        "bad value '1001' for option 'threshold': expected a whole number from 2 to 1000"),
                arguments("threshold-not-a-number", null, "threshold=many",
                        "bad value 'many' for option 'threshold': expected a whole number from 2 to 1000"),
                arguments("no-value", null, "threshold",
                        "agent option 'threshold' has no value: write key=value"),
                arguments("bad-log", null, "log=loud",
                        "bad value 'loud' for option 'log': expected off, summary, findings or statements"),
                arguments("bad-params", null, "params=maybe",
                        "bad value 'maybe' for option 'params': expected true or false"),
                arguments("unknown-property", "-Dnplusone.colour=red", "",
                        "unknown system property -Dnplusone.colour"),
                arguments("bad-property", "-Dnplusone.threshold=0", "",
                        "bad value '0' for option 'threshold': expected a whole number from 2 to 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void aBadOptionStopsTheAgentWithOneLineAndTheApplicationRunsOn(String name, String property, String option, String expected) {
        ChildJvm jvm = jdbcApp(name);
        if (property != null) {
            jvm.jvmOptions(property);
        }
        Result result = jvm.withAgent(option).run();

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(List.of("done: DRIVER_MANAGER"), result.stdout());
        assertEquals(1, result.stderr().size(), () -> "exactly one line on stderr" + result.describe());
        String line = result.stderr().get(0);
        assertTrue(line.startsWith(NOT_STARTED + expected), () -> "expected '" + NOT_STARTED + expected + "...', was '" + line + "'");
        assertFalse(Files.exists(result.reportFile()), "no report from an agent that did not start");
    }

    @Test
    void thresholdFromASystemProperty() {
        Result result = jdbcApp("threshold-property").jvmOptions("-Dnplusone.threshold=6").withAgent("").run().assertCleanRun();
        assertTrue(only(result.log(), "nplusone.agent", "nplusone ").message().contains(" started: threshold 6, "));
        Report report = result.report();
        assertEquals(6, report.threshold());
        // Five children per parent are no longer enough; the duplicate does not depend on the threshold.
        report.assertFindings(triple("duplicate", JdbcApp.SCOPE, COUNT_OF_PARENT));
    }

    @Test
    void theAgentArgumentWinsOverTheSystemProperty() {
        Result result = jdbcApp("threshold-argument-wins").jvmOptions("-Dnplusone.threshold=6").withAgent("threshold=2").run()
                .assertCleanRun();
        Report report = result.report();
        assertEquals(2, report.threshold());
        // Two repetitions now suffice. (What else threshold 2 finds is CallSitesIT's business.)
        assertEquals(Workload.PARENTS, report.finding("n_plus_one", JdbcApp.SCOPE, CHILDREN).repetitions());
        Report.Finding two = report.finding("n_plus_one", JdbcApp.SCOPE, CHILD_BY_ID);
        assertEquals(2, two.repetitions());
        assertEquals(SourceLine.of(Workload.class, "// below threshold: two children by id").frame("belowThreshold"), two.location());
    }

    @Test
    void logOffWritesNothingButTheReport() {
        Result result = jdbcApp("log-off").withAgent("log=off").run().assertCleanRun();
        assertEquals(List.of(), result.stderr());
        assertEquals(2, result.report().summary().findings());
    }

    @Test
    void logSummaryWritesNoFindingBlocks() {
        Result result = jdbcApp("log-summary").withAgent("log=summary").run().assertCleanRun();
        List<LogEntry> log = result.log();
        assertTrue(log.stream().noneMatch(e -> e.logger().equals("nplusone.findings")), log::toString);
        assertEquals("summary: 22 statements (5 outside any scope) in 1 scope instance of 1 name; 2 findings",
                only(log, "nplusone.summary", "summary: ").message());
    }

    @Test
    void logFileTakesTheLogOffStandardError() throws IOException {
        ChildJvm jvm = jdbcApp("log-file");
        Path logFile = jvm.dir().resolve("agent.log");
        Result result = jvm.withAgent("log-file=" + logFile).run().assertCleanRun();
        assertEquals(List.of(), result.stderr());
        List<LogEntry> log = LogEntry.parse(Files.readAllLines(logFile));
        only(log, "nplusone.agent", "nplusone ");
        assertEquals(CHILDREN, only(log, "nplusone.findings", "N+1 query in ").field("shape"));
        only(log, "nplusone.summary", "summary: ");
    }

    @Test
    void reportPathWithTheProcessId() {
        ChildJvm jvm = jdbcApp("report-pid");
        Result result = jvm.withAgentArgument("report=" + jvm.dir().resolve("report-%p.json")).run().assertCleanRun();
        Path report = jvm.dir().resolve("report-" + result.pid() + ".json");
        assertTrue(Files.isRegularFile(report), result::describe);
        assertEquals(result.pid(), Report.read(report).pid());
    }

    @Test
    void noReportOptionNoReport() throws IOException {
        ChildJvm jvm = jdbcApp("no-report");
        Result result = jvm.withAgentArgument("").run().assertCleanRun();
        assertTrue(only(result.log(), "nplusone.agent", "nplusone ").message().contains(", report off, "));
        try (Stream<Path> files = Files.list(jvm.dir())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".json")));
        }
        only(result.log(), "nplusone.summary", "summary: 22 statements");
    }
}

package dev.nplusone.it;

import dev.nplusone.it.apps.HarmlessApp;
import dev.nplusone.testkit.LogEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No harm: a failure forced at each point of the agent (the test-only switch
 * {@code -Dnplusone-test.fail=<point>}, see {@code docs/reliability.md}) is caught, counted in the
 * exit summary and the JSON report, logged once with its cause, and the application's results (query
 * results, update counts, its own SQL exceptions, HTTP statuses and bodies) are byte for byte what
 * they are without the agent.
 */
class NoHarmIT {

    static final String FAULTS = "-Dnplusone-test.fail=";
    static final String INTERNAL_ERROR = "nplusone: internal error in ";
    static final String[] POINTS = {"listener-before", "listener-after", "shape", "detector", "report-log", "report-json", "advice"};

    @Test
    void aFailureAtAnyPointOfTheAgentLeavesTheApplicationsResultsAsTheyAreWithoutIt() throws IOException {
        Run without = run("harm-none", null, null, false);
        String expected = without.transcript;
        assertTrue(expected.contains("GET /events -> 200 [\"event 1 event 1\",\"event 2 event 2\","), expected);
        assertTrue(expected.contains("GET /broken -> 500 "), expected);
        assertTrue(expected.contains("exception 42S22 42122"), "the application's own SQL failure: " + expected);

        Run clean = run("harm-agent", "", null, false);
        clean.result.assertCleanRun();
        assertEquals(expected, clean.transcript, "the agent changes nothing");
        Report cleanReport = clean.result.report();
        assertEquals(0, cleanReport.summary().agentErrors());
        assertFalse(cleanReport.findings("n_plus_one", "GET /events").isEmpty(), cleanReport::describeFindings);
        assertFalse(cleanReport.findings("n_plus_one", "plain jdbc").isEmpty(), cleanReport::describeFindings);

        List<String> problems = new ArrayList<>();
        for (String point : POINTS) {
            Run faulty = run("harm-" + point, "", point, false);
            Result r = faulty.result;
            assertEquals(0, r.exitCode(), () -> point + r.describe());
            assertEquals(expected, faulty.transcript, () -> "with a failure forced at " + point + r.describe());

            // Logged once per place, each with its cause.
            List<LogEntry> errors = r.log().stream().filter(e -> e.message().startsWith(INTERNAL_ERROR)).collect(Collectors.toList());
            assertFalse(errors.isEmpty(), () -> point + ": no internal error logged" + r.describe());
            Set<String> places = new HashSet<>();
            for (LogEntry e : errors) {
                assertEquals("WARN", e.level().trim(), e::toString);
                assertTrue(places.add(e.message()), () -> point + ": logged twice: " + e);
                int line = indexOf(r.stderr(), e.message());
                assertTrue(line >= 0 && line + 1 < r.stderr().size() && r.stderr().get(line + 1).endsWith(
                        "InjectedFault: forced failure at " + point + " (-Dnplusone-test.fail)"), () -> point + ": no cause after " + e + r.describe());
            }
            long traces = r.stderr().stream().filter(l -> l.contains("InjectedFault: forced failure at")).count();
            assertEquals(errors.size(), traces, () -> point + ": one stack trace per logged error" + r.describe());

            // Counted: every one of them, in the report and in the exit summary (unless that very writer fails).
            long counted = -1;
            if (!point.equals("report-json")) {
                counted = r.report().summary().agentErrors();
                assertTrue(counted >= errors.size(), point + ": counted " + counted + ", logged " + errors.size());
            } else {
                assertFalse(Files.exists(r.reportFile()), "the JSON writer failed: no report, rather than half of one");
            }
            if (!point.equals("report-log")) {
                String summary = LogEntry.only(r.log(), "nplusone.summary", "summary: ").message();
                String count = summary.replaceAll("(?s).*; (\\d+) agent errors? \\(caught; the application went on; see the warnings above\\).*", "$1");
                assertFalse(count.equals(summary), () -> point + ": the summary counts no agent error: " + summary);
                if (counted >= 0) {
                    assertTrue(Long.parseLong(count) >= counted, point + ": summary " + count + ", report " + counted);
                }
            }
            problems.add(point + ": " + errors.size() + " logged, " + counted + " counted");
        }
        System.out.println("forced failures: " + problems);
    }

    /** Hibernate's lazy loads and Jackson writing entities: the advice of the ORM and of serialization, made to fail. */
    @Test
    void aFailureInTheAdviceOfHibernateJacksonAndTheServletLeavesTheApplicationsResultsAsTheyAre() throws IOException {
        String expected = run("harm-orm-none", null, null, true).transcript;
        assertTrue(expected.contains("GET /events -> 200 [{\"id\":1,\"name\":\"event 1\",\"venue\":{"), expected);
        Run faulty = run("harm-orm-advice", "", "advice", true);
        assertEquals(expected, faulty.transcript, faulty.result::describe);
        List<String> places = faulty.result.log().stream().filter(e -> e.message().startsWith(INTERNAL_ERROR))
                .map(LogEntry::message).collect(Collectors.toList());
        for (String hook : List.of("opening an HTTP scope", "opening a serialization scope", "marking a lazy load", "marking a JSON generator")) {
            assertTrue(places.contains(INTERNAL_ERROR + hook + " (logged once; the application goes on)"), () -> hook + ": " + places);
        }
        assertTrue(faulty.result.report().summary().agentErrors() > places.size(), "each counted, each kind logged once");
    }

    private static int indexOf(List<String> lines, String message) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(message)) {
                return i;
            }
        }
        return -1;
    }

    private record Run(Result result, String transcript) {
    }

    /** {@code agentOptions} null: no agent; {@code point} null: no forced failure. */
    private static Run run(String name, String agentOptions, String point, boolean orm) throws IOException {
        ChildJvm jvm = ChildJvm.of(name, HarmlessApp.class);
        Path transcript = jvm.dir().resolve("transcript.txt");
        jvm.args(jvm.dir().resolve("tomcat").toString(), transcript.toString(), orm ? "orm" : "plain");
        if (agentOptions != null) {
            jvm.withAgent(agentOptions);
        }
        if (point != null) {
            jvm.jvmOptions(FAULTS + point);
        }
        Result result = jvm.run();
        assertEquals(0, result.exitCode(), result::describe);
        return new Run(result, Files.readString(transcript));
    }
}

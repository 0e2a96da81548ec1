package dev.nplusone.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a child JVM left behind. */
record Result(String name, Path dir, long pid, int exitCode, List<String> stdout, List<String> stderr, Path reportFile) {

    String stdoutText() {
        return String.join("\n", stdout);
    }

    String stderrText() {
        return String.join("\n", stderr);
    }

    /** The agent's log entries on standard error. */
    List<LogEntry> log() {
        return LogEntry.parse(stderr);
    }

    /** The JSON report; fails when the child wrote none. */
    Report report() {
        assertTrue(Files.isRegularFile(reportFile), () -> name + ": no report at " + reportFile + describe());
        return Report.read(reportFile);
    }

    /**
     * The application ended normally (exit 0) and the agent reported no failure of its own: no
     * warning or error from the {@code nplusone.agent} logger.
     */
    Result assertCleanRun() {
        assertEquals(0, exitCode, () -> name + ": exit code" + describe());
        List<LogEntry> agentProblems = log().stream()
                .filter(e -> e.logger().equals("nplusone.agent") && !e.level().equals("INFO"))
                .collect(Collectors.toList());
        assertTrue(agentProblems.isEmpty(), () -> name + ": the agent reported problems: " + agentProblems + describe());
        return this;
    }

    /** For failure messages: where to look, and the end of standard error. */
    String describe() {
        int from = Math.max(0, stderr.size() - 40);
        return "\n--- " + dir + " (exit " + exitCode + "), last lines of stderr:\n" + String.join("\n", stderr.subList(from, stderr.size()));
    }
}

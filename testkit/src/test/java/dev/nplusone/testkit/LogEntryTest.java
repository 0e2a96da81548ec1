package dev.nplusone.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogEntryTest {

    static final List<String> STDERR = List.of(
            "12:00:00.000 INFO  [nplusone.agent] nplusone 0.1 started",
            "application line",
            "12:00:01.000 WARN  [nplusone.findings] N+1 query in 'GET /a'",
            "    shape:    select b from t where id = ?",
            "    stack:    app.Dao.find(Dao.java:10)",
            "              app.Web.get(Web.java:20)",
            "  not a field",
            "tail of the application");

    @Test
    void entriesAreTheAgentsLinesAndTheIndentedLinesAfterThem() {
        List<LogEntry> log = LogEntry.parse(STDERR);
        assertEquals(2, log.size());
        LogEntry finding = LogEntry.only(log, "nplusone.findings", "N+1");
        assertEquals("WARN", finding.level());
        assertEquals("select b from t where id = ?", finding.field("shape"));
        assertNull(finding.field("location"));
        assertEquals(List.of("app.Dao.find(Dao.java:10)", "app.Web.get(Web.java:20)", "not a field"), finding.stack());
        assertThrows(AssertionFailedError.class, () -> LogEntry.only(log, "nplusone.agent", "nothing"));
    }

    @Test
    void aWarningOfTheAgentsOwnIsNoCleanRun() {
        JvmResult findingsOnly = new JvmResult("child", Path.of("dir"), 1, 0, List.of(), STDERR);
        findingsOnly.assertCleanRun();
        JvmResult agentWarning = new JvmResult("child", Path.of("dir"), 1, 0, List.of(),
                List.of("12:00:00.000 WARN  [nplusone.agent] cannot hook x"));
        assertThrows(AssertionFailedError.class, agentWarning::assertCleanRun);
    }
}

package dev.nplusone.it;

import dev.nplusone.it.ChildJvm.Running;
import dev.nplusone.it.apps.ExitApp;
import dev.nplusone.testkit.LogEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports are never lost or half-written: complete and valid at every kind of exit, the previous
 * one left whole by a JVM killed with SIGKILL, one per JVM in a shared directory, and a path that
 * cannot be written said at start-up rather than discovered at exit.
 */
class ReportsIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theReportIsCompleteWhenMainReturnsWhenALibraryCallsSystemExitAndAtSigterm() throws Exception {
        Result returned = ChildJvm.of("reports-return", ExitApp.class).withAgent("").args("return").run().assertCleanRun();
        assertComplete(returned.report(), returned.pid());

        Result exited = ChildJvm.of("reports-system-exit", ExitApp.class).withAgent("").args("exit").run();
        assertEquals(3, exited.exitCode(), exited::describe);
        assertTrue(exited.stdout().contains("a library calls System.exit(3)"), exited::describe);
        assertComplete(exited.report(), exited.pid());

        try (Running app = ChildJvm.of("reports-sigterm", ExitApp.class).withAgent("").args("wait").start()) {
            app.awaitStdout("ready", PATIENCE);
            Result stopped = (Result) app.stop();
            assertEquals(143, stopped.exitCode(), "128 + SIGTERM" + stopped.describe());
            assertComplete(stopped.report(), stopped.pid());
        }
    }

    @Test
    void aJvmKilledWithSigkillLeavesThePreviousReportWholeAndNoTemporaryFile() throws Exception {
        Path dir = Files.createDirectories(ChildJvm.WORK_DIR.resolve("reports-kill-shared"));
        Path report = dir.resolve("report.json");
        Files.deleteIfExists(report);
        Result first = ChildJvm.of("reports-kill-first", ExitApp.class).withAgentArgument("report=" + report).args("return").run();
        first.assertCleanRun();
        String before = Files.readString(report);

        try (Running second = ChildJvm.of("reports-kill-second", ExitApp.class).withAgentArgument("report=" + report).args("wait").start()) {
            second.awaitStdout("ready", PATIENCE);
            second.close(); // SIGKILL: no shutdown hook runs
            assertFalse(second.isAlive());
        }
        assertEquals(before, Files.readString(report), "the report of the first JVM, whole");
        assertComplete(Report.read(report), first.pid());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(report), files.collect(Collectors.toList()), "nothing else beside it");
        }
    }

    /** With report-every, a JVM killed without its shutdown hooks leaves what it had found up to the last write. */
    @Test
    void withReportEveryAJvmKilledWithSigkillLeavesARecentReport() throws Exception {
        try (Running app = ChildJvm.of("reports-every", ExitApp.class).withAgent("report-every=1s").args("wait").start()) {
            app.awaitStdout("ready", PATIENCE); // the scope with its N+1 has closed
            Path report = app.dir().resolve("report.json");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!Files.exists(report)) {
                assertTrue(System.nanoTime() < deadline, "no report written while running");
                Thread.sleep(100);
            }
            Thread.sleep(1500); // at least one more write, to be killed around
            app.close(); // SIGKILL
            assertComplete(Report.read(report), app.pid());
            try (Stream<Path> files = Files.list(app.dir())) {
                List<Path> hidden = files.filter(p -> p.getFileName().toString().startsWith(".")).collect(Collectors.toList());
                assertTrue(hidden.size() <= 1, () -> "at most the temporary file of a write cut short: " + hidden);
            }
        }
    }

    @Test
    void jvmsSharingAReportDirectoryEachWriteTheirOwn() throws Exception {
        Path shared = ChildJvm.WORK_DIR.resolve("reports-shared/made/by/the/agent");
        deleteTree(ChildJvm.WORK_DIR.resolve("reports-shared"));
        List<Running> jvms = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                jvms.add(ChildJvm.of("reports-shared-" + i, ExitApp.class).withAgentArgument("report=" + shared + "/").args("return").start());
            }
            List<Long> pids = new ArrayList<>();
            for (Running jvm : jvms) {
                Result r = jvm.await().assertCleanRun();
                pids.add(r.pid());
                assertTrue(LogEntry.only(r.log(), "nplusone.agent", "nplusone ").message().contains(", report " + shared + "/nplusone-" + r.pid() + "-"),
                        r::describe);
            }
            List<Path> reports;
            try (Stream<Path> files = Files.list(shared)) {
                reports = files.sorted().collect(Collectors.toList());
            }
            assertEquals(3, reports.size(), reports::toString);
            Set<Long> written = reports.stream().map(Report::read).map(Report::pid).collect(Collectors.toSet());
            assertEquals(Set.copyOf(pids), written);
            for (Path file : reports) {
                Report r = Report.read(file);
                assertTrue(file.getFileName().toString().matches("nplusone-" + r.pid() + "-\\d{13}\\.json"), file::toString);
                assertComplete(r, r.pid());
            }
        } finally {
            jvms.forEach(Running::close);
        }
    }

    @Test
    void aReportPathThatCannotBeWrittenIsSaidAtStartUpInOneLine() throws Exception {
        ChildJvm jvm = ChildJvm.of("reports-unwritable", ExitApp.class);
        Path inTheWay = Files.writeString(ChildJvm.WORK_DIR.resolve("reports-unwritable-file"), "not a directory"); // not in the child's directory, emptied at its start
        Path report = inTheWay.resolve("report.json");
        Result r = jvm.withAgentArgument("report=" + report).args("return").run();
        assertEquals(0, r.exitCode(), "the application runs as ever" + r.describe());
        String said = "cannot write " + report + ": not a directory (" + inTheWay + "); the agent goes on and tries again at exit";
        List<LogEntry> log = r.log();
        assertEquals("ERROR", log.get(0).level(), () -> "the first thing the agent says" + r.describe());
        assertEquals(said, log.get(0).message());
        assertTrue(log.get(0).more().isEmpty(), "one line");
        String atExit = "cannot write " + report + ": not a directory (" + inTheWay + ")";
        assertEquals(1, log.stream().filter(e -> e.level().equals("ERROR") && e.message().equals(atExit)).count(),
                () -> "tried again at exit, and said alike" + r.describe());
        assertTrue(log.stream().anyMatch(e -> e.logger().equals("nplusone.findings") && e.message().startsWith("N+1 query in " + ExitApp.SCOPE)),
                "the agent still finds" + r.describe());
    }

    /** The report is whole: it parses, and holds the N+1 of the scope, counted exactly. */
    private static void assertComplete(Report report, long pid) {
        assertEquals(pid, report.pid());
        Report.Finding f = report.finding("n_plus_one", ExitApp.SCOPE, ExitApp.LINES);
        assertEquals(ExitApp.ORDERS, f.repetitions());
        assertEquals(ExitApp.ORDERS, report.scope(ExitApp.SCOPE).statements().total());
        assertEquals(0, report.summary().agentErrors());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}

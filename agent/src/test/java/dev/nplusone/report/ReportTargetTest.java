package dev.nplusone.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTargetTest {

    static final long PID = ProcessHandle.current().pid();

    @Test
    void aFileIsThatFileWithThePidForPercentP() {
        assertNull(ReportTarget.resolve(null));
        assertNull(ReportTarget.resolve(""));
        assertEquals(Paths.get("out/report.json"), ReportTarget.resolve("out/report.json"));
        assertEquals(Paths.get("out/report-" + PID + ".json"), ReportTarget.resolve("out/report-%p.json"));
    }

    @Test
    void aDirectoryGetsOneFilePerJvmNamedByPidAndStart(@TempDir Path dir) {
        long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        String name = "nplusone-" + PID + "-" + start + ".json";
        assertEquals(Paths.get("reports/").resolve(name), ReportTarget.resolve("reports/"), "a trailing separator: a directory to be made");
        assertEquals(dir.resolve(name), ReportTarget.resolve(dir.toString()), "an existing directory, without the separator");
    }

    @Test
    void missingDirectoriesAreMadeAndNothingIsLeftBehind(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("a/b/report.json");
        assertNull(ReportTarget.problem(report));
        assertTrue(Files.isDirectory(report.getParent()));
        try (var files = Files.list(report.getParent())) {
            assertEquals(0, files.count(), "the trial file is gone");
        }
    }

    @Test
    void whatCannotBeWrittenIsSaidInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("file"));
        assertEquals("cannot write " + file.resolve("x.json") + ": " + "not a directory (" + file + ")",
                ReportTarget.problem(file.resolve("x.json")));
        assertEquals("cannot write " + dir + ": it is a directory", ReportTarget.problem(dir));
        String proc = ReportTarget.problem(Paths.get("/proc/nope/x.json"));
        assertTrue(proc != null && proc.startsWith("cannot write /proc/nope/x.json: ") && !proc.contains("\n"), proc);
    }
}

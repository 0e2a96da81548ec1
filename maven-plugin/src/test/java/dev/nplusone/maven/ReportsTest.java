package dev.nplusone.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {

    @TempDir
    Path dir;

    @Test
    void everyJsonFileBelowTheDirectoryAsTheCheckReadsThem() throws Exception {
        Path a = touch("nplusone-2.json");
        Path b = touch("old/nplusone-1.json");
        touch("nplusone.sarif");
        touch("TEST-nplusone.xml");
        Files.createDirectories(dir.resolve("empty.json"));

        assertEquals(List.of(a, b), Reports.in(dir.toFile()));
        assertEquals(List.of(), Reports.in(dir.resolve("absent").toFile()));
    }

    @Test
    void deletesTheReportsOnly() throws Exception {
        touch("nplusone-2.json");
        touch("old/nplusone-1.json");
        Path sarif = touch("nplusone.sarif");

        assertEquals(2, Reports.delete(dir.toFile()));
        assertEquals(List.of(), Reports.in(dir.toFile()));
        assertTrue(Files.exists(sarif));
        assertEquals(0, Reports.delete(dir.resolve("absent").toFile()));
    }

    @Test
    void knowsWhichOutputsTheCheckWouldTakeForReports() {
        File reports = dir.resolve("nplusone").toFile();

        assertTrue(Reports.wouldBeRead(new File(reports, "baseline.json"), reports));
        assertTrue(Reports.wouldBeRead(new File(reports, "sub/baseline.json"), reports));
        assertFalse(Reports.wouldBeRead(new File(reports, "nplusone.sarif"), reports));
        assertFalse(Reports.wouldBeRead(new File(reports, "../baseline.json"), reports));
        assertFalse(Reports.wouldBeRead(dir.resolve("nplusone-baseline.json").toFile(), reports));
    }

    private Path touch(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }
}

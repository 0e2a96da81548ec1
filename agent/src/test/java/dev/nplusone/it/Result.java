package dev.nplusone.it;

import dev.nplusone.testkit.JvmResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a child JVM left behind, with the agent's report read as this module's {@link Report}. */
final class Result extends JvmResult {

    private final Path reportFile;

    Result(String name, Path dir, long pid, int exitCode, List<String> stdout, List<String> stderr, Path reportFile) {
        super(name, dir, pid, exitCode, stdout, stderr);
        this.reportFile = reportFile;
    }

    Result(JvmResult ended, Path reportFile) {
        super(ended);
        this.reportFile = reportFile;
    }

    /** Where the agent was told to write its report. */
    Path reportFile() {
        return reportFile;
    }

    /** The JSON report; fails when the child wrote none. */
    Report report() {
        assertTrue(Files.isRegularFile(reportFile), () -> name() + ": no report at " + reportFile + describe());
        return Report.read(reportFile);
    }

    @Override
    public Result assertCleanRun() {
        super.assertCleanRun();
        return this;
    }
}

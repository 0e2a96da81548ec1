package dev.nplusone.testkit;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a child JVM left behind: its exit code and its output, with the checks most tests make.
 *
 * <p>Open to subclasses, which add what a module reads besides (the agent's report as that
 * module's records, a runner's outcomes); they copy an ended one through {@link #JvmResult(JvmResult)}.
 */
public class JvmResult {

    /** Lines of each output a failure message shows. */
    private static final int TAIL = 40;

    private final String name;
    private final Path dir;
    private final long pid;
    private final int exitCode;
    private final List<String> stdout;
    private final List<String> stderr;

    public JvmResult(String name, Path dir, long pid, int exitCode, List<String> stdout, List<String> stderr) {
        this.name = name;
        this.dir = dir;
        this.pid = pid;
        this.exitCode = exitCode;
        this.stdout = List.copyOf(stdout);
        this.stderr = List.copyOf(stderr);
    }

    protected JvmResult(JvmResult ended) {
        this(ended.name, ended.dir, ended.pid, ended.exitCode, ended.stdout, ended.stderr);
    }

    public String name() {
        return name;
    }

    /** The child's own directory. */
    public Path dir() {
        return dir;
    }

    public long pid() {
        return pid;
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> stdout() {
        return stdout;
    }

    public List<String> stderr() {
        return stderr;
    }

    public String stdoutText() {
        return String.join("\n", stdout);
    }

    public String stderrText() {
        return String.join("\n", stderr);
    }

    /** The agent's log entries on standard error. */
    public List<LogEntry> log() {
        return LogEntry.parse(stderr);
    }

    public JvmResult assertExitCode(int expected) {
        assertEquals(expected, exitCode, () -> name + ": exit code" + describe());
        return this;
    }

    /**
     * The application ended normally (exit 0) and the agent reported no failure of its own: no
     * warning or error from the {@code nplusone.agent} logger.
     */
    public JvmResult assertCleanRun() {
        assertExitCode(0);
        List<LogEntry> agentProblems = log().stream()
                .filter(e -> e.logger().equals("nplusone.agent") && !e.level().equals("INFO"))
                .toList();
        assertTrue(agentProblems.isEmpty(), () -> name + ": the agent reported problems: " + agentProblems + describe());
        return this;
    }

    /** For failure messages: where to look, the exit code, and the ends of standard error and output. */
    public String describe() {
        return " (exit " + exitCode + ")" + tails(dir, stdout, stderr);
    }

    static String tails(Path dir, List<String> stdout, List<String> stderr) {
        return "; see " + dir + "\n--- stderr (end):\n" + tail(stderr) + (stdout.isEmpty() ? "" : "\n--- stdout (end):\n" + tail(stdout));
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + ", exit " + exitCode + ")";
    }
}

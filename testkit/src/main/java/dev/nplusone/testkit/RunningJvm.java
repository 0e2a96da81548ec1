package dev.nplusone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A started child JVM ({@link JvmLauncher#start}). Closing it kills the child if it still runs, so
 * that a test that failed half-way leaves no process behind: start it in try-with-resources.
 *
 * <p>Open to subclasses so that a module's own handle can return its own result type from
 * {@link #await}; they take over a started one through {@link #RunningJvm(RunningJvm)}.
 */
public class RunningJvm implements AutoCloseable {

    static final String STDOUT = "stdout.txt";
    static final String STDERR = "stderr.txt";
    private static final long POLL_MILLIS = 50;

    private final String name;
    private final Path dir;
    private final Process process;
    private final Duration timeout;

    RunningJvm(String name, Path dir, Process process, Duration timeout) {
        this.name = name;
        this.dir = dir;
        this.process = process;
        this.timeout = timeout;
    }

    /** The same child, for a subclass. */
    protected RunningJvm(RunningJvm started) {
        this(started.name, started.dir, started.process, started.timeout);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path dir() {
        return dir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Standard output so far. */
    public List<String> stdout() {
        return lines(dir.resolve(STDOUT));
    }

    /** Standard error so far. */
    public List<String> stderr() {
        return lines(dir.resolve(STDERR));
    }

    /** Waits until the child has printed a line starting with {@code prefix} on standard output; returns that line. */
    public String awaitStdout(String prefix, Duration limit) {
        return awaitStdout("'" + prefix + "'", limit, line -> line.startsWith(prefix) ? line : null);
    }

    /** Waits until a line of standard output contains a match of {@code pattern}; returns the match. */
    public MatchResult awaitStdout(Pattern pattern, Duration limit) {
        return awaitStdout("a match of /" + pattern + "/", limit, line -> {
            Matcher m = pattern.matcher(line);
            return m.find() ? m.toMatchResult() : null;
        });
    }

    private <T> T awaitStdout(String what, Duration limit, Function<String, T> match) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (String line : stdout()) {
                T found = match.apply(line);
                if (found != null) {
                    return found;
                }
            }
            if (!process.isAlive()) {
                fail("child JVM '" + name + "' ended (exit " + process.exitValue() + ") before printing " + what
                        + JvmResult.tails(dir, stdout(), stderr()));
            }
            if (System.nanoTime() > deadline) {
                fail("child JVM '" + name + "' did not print " + what + " within " + limit.toSeconds() + " s"
                        + JvmResult.tails(dir, stdout(), stderr()));
            }
            sleep(POLL_MILLIS);
        }
    }

    /**
     * Stops the child as a service manager does, with SIGTERM: the JVM runs its shutdown hooks, the
     * agent's among them, which writes the report. Then waits for its end as {@link #await} does.
     */
    public JvmResult stop() {
        process.destroy();
        return await();
    }

    /** Waits for the child to end (killing it and failing the test when it does not in time); returns what it left behind. */
    public JvmResult await() {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("child JVM '" + name + "' did not end within " + timeout.toSeconds() + " s; killed"
                        + JvmResult.tails(dir, stdout(), stderr()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        return new JvmResult(name, dir, process.pid(), process.exitValue(), stdout(), stderr());
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

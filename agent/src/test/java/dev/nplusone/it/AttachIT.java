package dev.nplusone.it;

import dev.nplusone.it.ChildJvm.Running;
import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.Report.Scope;
import dev.nplusone.it.apps.AttachTargetApp;
import dev.nplusone.it.apps.Http;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar nplusone-agent.jar list|attach|dump|detach} against a service that was started
 * without the agent and keeps serving requests all the while: the agent is loaded into it, finds
 * the N+1, writes reports on request, is taken out and loaded again, and the service never fails a
 * request. The command runs in a process of its own, on the JDK that runs the tests (17); the
 * service on 17, and on 25 where there is one.
 */
class AttachIT {

    static final Path JDK25 = Jdk25IT.JDK;
    /** The command line's JDK: the one running the tests. */
    static final Path CLI_JAVA = Paths.get(System.getProperty("java.home"), "bin", "java");

    static final SourceLine N_PLUS_ONE = SourceLine.of(AttachTargetApp.class, "// N+1 here");
    static final String LOCATION = N_PLUS_ONE.frame("talksOfEachEvent");
    static final String TALKS = "select title from talk where event_id = ? order by id";
    static final String EVENTS = "select id, name from event order by id";
    static final String LIST_SCOPE = "GET /events";

    static final String ATTACHED = "nplusone attached to process %d; new connections and pooled connections at their next use are recorded";
    static final String DETACHED = "nplusone detached from process %d; its classes are restored";
    static final String NOT_ATTACHED = "nplusone: nplusone is not attached to process %d; attach it first";
    static final String NOTE = "note: Java 21 and newer print a warning in process %d about a dynamically loaded agent (again at each dump and detach);";
    static final String JVM_WARNING = "WARNING: A Java agent has been loaded dynamically (";
    static final Pattern SUMMARY_LINE = Pattern.compile(
            "process (\\d+): (\\d+) statements? \\((\\d+) outside any scope\\) in (\\d+) scope instances? of (\\d+) names?; (\\d+) findings?");

    /** Every finding and the service's health must show well before this. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final int LOAD_THREADS = 2;
    /** Requests to GET /events answered after the first finding, before the first detach. */
    static final int FIRST_SESSION_EVENTS = 30;

    // --- the tests ------------------------------------------------------------------------------

    @Test
    void attachDumpDetachAndAttachAgainWhileTheServiceIsUnderLoad() throws Exception {
        // The service runs on the tests' JDK: this is the Java 17 case (no warning); the Java 25 cases are below.
        assumeTrue(Runtime.version().feature() < 21, "a service on Java 21 or newer warns of the agent: the JDK 25 tests below");
        try (Running app = ChildJvm.of("attach-jdk17", AttachTargetApp.class).start(); Load load = Load.start(app)) {
            long pid = app.pid();
            Path cliDir = Files.createDirectories(app.dir().resolve("cli")); // not the target's directory
            load.awaitMore(20);

            // list: this service, not the command itself
            Result list = cli(cliDir, "list");
            assertSucceeded(list);
            assertEquals("PID        MAIN CLASS", list.stdout().get(0));
            assertTrue(list.stdout().stream().anyMatch(l -> l.matches(pid + " +" + AttachTargetApp.class.getName().replace(".", "\\."))),
                    () -> "no line for " + pid + ":\n" + list.stdoutText());
            assertTrue(list.stdout().stream().noneMatch(l -> l.startsWith(list.pid() + " ")), list::stdoutText);

            // attach, with a relative report path: resolved where the command runs, not in the target
            Result attach = cli(cliDir, "attach", Long.toString(pid), "report=first.json");
            assertSucceeded(attach);
            assertEquals(List.of(String.format(ATTACHED, pid)), attach.stdout(), "Java 17: no note about a warning");
            Path first = cliDir.resolve("first.json");

            Report found = awaitFinding(cliDir, pid, cliDir.resolve("dump-1.json"));
            assertFinding(found, pid, 3);
            assertEquals(2, found.scope("GET /events/{id}").statements().max(), "one event, its talks");
            assertLegacyConnectionUnseen(found);
            load.awaitMoreEvents(FIRST_SESSION_EVENTS); // a first session long enough to tell its counters from the second's

            // a second attach changes nothing
            Result again = cli(cliDir, "attach", Long.toString(pid), "threshold=7");
            assertSucceeded(again);
            assertEquals(1, again.stdout().size(), again::stdoutText);
            assertTrue(again.stdout().get(0).matches("nplusone is already attached to process " + pid
                            + " \\(recording \\S+\\); detach first to attach with other options"), again::stdoutText);

            // detach: the report of the first session is written, and the service goes on
            Result detach = cli(cliDir, "detach", Long.toString(pid));
            assertSucceeded(detach);
            assertEquals(List.of(String.format(DETACHED, pid)), detach.stdout());
            assertTrue(Files.isRegularFile(first), "detach writes the report named at attach, resolved in the command's directory");
            assertFalse(Files.exists(app.dir().resolve("first.json")), "not resolved in the target's directory");
            Report firstSession = Report.read(first);
            assertFinding(firstSession, pid, 3);
            assertEquals(3, firstSession.threshold(), "the second attach's threshold=7 changed nothing");
            long firstInstances = firstSession.scope(LIST_SCOPE).instances();
            assertTrue(firstInstances >= FIRST_SESSION_EVENTS - 2 * LOAD_THREADS, "requests recorded in the first session: " + firstInstances);
            awaitStderr(app, l -> l.contains("[nplusone.agent] nplusone detached: instrumentation removed"));

            for (String command : List.of("dump", "detach")) {
                Result refused = cli(cliDir, command, Long.toString(pid));
                assertFailed(refused, String.format(NOT_ATTACHED, pid));
            }
            load.awaitMore(20); // the restored classes serve as before

            // attach again, with other options: new counters
            int eventsBefore = load.events();
            Result reattach = cli(cliDir, "attach", Long.toString(pid), "report=" + cliDir.resolve("second.json"), "threshold=5");
            assertSucceeded(reattach);
            assertEquals(List.of(String.format(ATTACHED, pid)), reattach.stdout());
            Report secondSession = awaitFinding(cliDir, pid, null); // the default file: nplusone-<pid>.json where the command runs
            int eventsAfter = load.events();
            assertFinding(secondSession, pid, 5);
            long secondInstances = secondSession.scope(LIST_SCOPE).instances();
            assertTrue(secondInstances <= eventsAfter - eventsBefore + LOAD_THREADS,
                    () -> "fresh counters: " + secondInstances + " instances of " + LIST_SCOPE + ", yet only " + (eventsAfter - eventsBefore)
                            + " such requests answered since the attach began (the first session had " + firstInstances + ")");
            assertLegacyConnectionUnseen(secondSession);

            assertSucceeded(cli(cliDir, "detach", Long.toString(pid)));
            assertFinding(Report.read(cliDir.resolve("second.json")), pid, 5);
            awaitStderr(app, l -> l.contains("[nplusone.summary] summary: "), 2);
            load.awaitMore(10);

            Result end = stop(app, load);
            assertEquals(List.of("stopped"), end.stdout().subList(end.stdout().size() - 1, end.stdout().size()));
            List<LogEntry> log = end.log();
            List<LogEntry> started = entries(log, "nplusone.agent", "nplusone ");
            List<String> startMessages = started.stream().filter(e -> e.message().contains(" attached: ")).map(LogEntry::message)
                    .collect(Collectors.toList());
            assertEquals(2, startMessages.size(), log::toString);
            assertTrue(startMessages.get(0).matches("nplusone \\S+ attached: threshold 3, report " + Pattern.quote(first.toString())
                    + ", parameters hidden"), startMessages::toString);
            assertTrue(startMessages.get(1).matches("nplusone \\S+ attached: threshold 5, report "
                    + Pattern.quote(cliDir.resolve("second.json").toString()) + ", parameters hidden"), startMessages::toString);
            assertEquals(2, entries(log, "nplusone.agent", "nplusone detached: instrumentation removed").size(), log::toString);
            assertEquals(2, entries(log, "nplusone.summary", "summary: ").size(), log::toString);
            List<LogEntry> blocks = entries(log, "nplusone.findings", "N+1 query in " + LIST_SCOPE + ": ");
            assertEquals(2, blocks.size(), () -> "one block per session: " + blocks);
            for (LogEntry block : blocks) {
                assertEquals("WARN", block.level());
                assertEquals("N+1 query in GET /events: " + AttachTargetApp.EVENTS + " executions of one statement shape from one call site",
                        block.message());
                assertEquals(TALKS, block.field("shape"));
                assertEquals(LOCATION, block.field("location"));
            }
            assertTrue(entries(log, "nplusone.findings", "N+1 query in GET /legacy").isEmpty(), log::toString);
            assertTrue(end.stderr().stream().noneMatch(l -> l.startsWith("WARNING:")), end::describe);
            assertServiceWasHealthy(end, load);
        }
    }

    @Test
    void badInputFailsWithOneLineAndExitStatusTwo() throws Exception {
        try (Running app = ChildJvm.of("attach-errors", AttachTargetApp.class).start()) {
            app.awaitStdout("ready", PATIENCE);
            long pid = app.pid();
            Path dir = app.dir();

            assertFailed(cli(dir, "attach", "abc"), "nplusone: 'abc' is not a process id");

            Process gone = new ProcessBuilder("true").start();
            assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
            assumeTrue(ProcessHandle.of(gone.pid()).isEmpty(), "the pid of an ended process was taken again");
            assertFailed(cli(dir, "attach", Long.toString(gone.pid())), "nplusone: no process with id " + gone.pid());

            // Not a JVM: the JDK sends SIGQUIT and waits (10 s) for an attach socket that never comes;
            // the shell makes the process ignore SIGQUIT, so that it stays alive all the while.
            Process notJava = new ProcessBuilder("sh", "-c", "trap '' QUIT; exec sleep 60").directory(dir.toFile()).start();
            try {
                Result r = cli(dir, "attach", Long.toString(notJava.pid()));
                assertFailedWith(r, "nplusone: cannot attach to process " + notJava.pid() + ": ");
                assertTrue(notJava.isAlive(), "the process is left as it was");
            } finally {
                notJava.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }

            // bad options: checked before anything is loaded
            assertFailedWith(cli(dir, "attach", Long.toString(pid), "threshold=1"), "nplusone: bad value '1' for option 'threshold': ");
            assertFailedWith(cli(dir, "attach", Long.toString(pid), "colour=red"), "nplusone: unknown agent option ");
            assertFailed(cli(dir, "dump", Long.toString(pid)), String.format(NOT_ATTACHED, pid));
            assertTrue(LogEntry.parse(app.stderr()).isEmpty(), () -> "the agent logged:\n" + String.join("\n", app.stderr()));

            // report paths that cannot be written: said by attach, which then loads nothing
            Path proc = Paths.get("/proc/nope/x.json");
            Result procAttach = cli(dir, "attach", Long.toString(pid), "report=" + proc);
            assertFailedWith(procAttach, "nplusone: cannot write " + proc + ": ");
            assertFailed(cli(dir, "dump", Long.toString(pid)), String.format(NOT_ATTACHED, pid));
            Path inTheWay = Files.writeString(dir.resolve("a-file"), "");
            assertFailed(cli(dir, "attach", Long.toString(pid), "report=a-file/x.json"),
                    "nplusone: cannot write " + inTheWay.resolve("x.json") + ": not a directory (" + inTheWay + ")");
            assertFailed(cli(dir, "dump", Long.toString(pid)), String.format(NOT_ATTACHED, pid));

            // missing directories are made, by dump as by report=
            assertSucceeded(cli(dir, "attach", Long.toString(pid)));
            Path missing = dir.resolve("missing/dir/report.json");
            assertSucceeded(cli(dir, "dump", Long.toString(pid), "missing/dir/report.json"));
            assertEquals(pid, Report.read(missing).pid());
            Path procFile = Paths.get("/proc/nplusone.json");
            assertFailedWith(cli(dir, "dump", Long.toString(pid), procFile.toString()), "nplusone: cannot write " + procFile + ": ");
            assertFalse(Files.exists(procFile));

            // the agent is none the worse
            Path ok = dir.resolve("ok.json");
            assertSucceeded(cli(dir, "dump", Long.toString(pid), ok.toString()));
            assertEquals(pid, Report.read(ok).pid());
            assertSucceeded(cli(dir, "detach", Long.toString(pid)));

            Result end = stop(app, null);
            assertEquals(0, end.exitCode(), end::describe);
            assertTrue(end.stderr().stream().noneMatch(l -> l.startsWith("\tat ")), () -> "a stack trace in the target" + end.describe());
        }
    }

    /** The flag is read from the target's command line: said at once, without the 10 s an attempt would wait in vain. */
    @Test
    void aJvmStartedWithDisableAttachMechanismIsNamedAsSuch() throws Exception {
        try (Running app = ChildJvm.of("attach-disabled", dev.nplusone.it.apps.ExitApp.class).jvmOptions("-XX:+DisableAttachMechanism")
                .args("wait").start()) {
            app.awaitStdout("ready", PATIENCE);
            long pid = app.pid();
            for (String command : List.of("attach", "dump", "detach")) {
                assertFailed(cli(app.dir(), command, Long.toString(pid)), "nplusone: cannot attach to process " + pid + ": it was started with"
                        + " -XX:+DisableAttachMechanism, which refuses agents while it runs; start it with -javaagent:nplusone-agent.jar instead"
                        + " (docs/attach.md)");
            }
            assertTrue(app.isAlive(), "left as it was");
            assertTrue(app.stderr().stream().noneMatch(l -> l.startsWith("Full thread dump")), "no attach was tried: no SIGQUIT thread dump");
        }
    }

    @Test
    void attachesToAJava25ServiceWhichWarnsOfTheDynamicAgent() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        Result end = attachFindDumpDetach(ChildJvm.of("attach-jdk25", AttachTargetApp.class).javaHome(JDK25), true);
        List<String> warnings = end.stderr().stream().filter(l -> l.startsWith(JVM_WARNING)).collect(Collectors.toList());
        assertFalse(warnings.isEmpty(), "JEP 451: the JVM warns of the agent loaded while it runs" + end.describe());
        assertTrue(warnings.stream().allMatch(l -> l.equals(JVM_WARNING + ChildJvm.AGENT_JAR + ")")), warnings::toString);
    }

    @Test
    void attachesToAJava25ServiceStartedToAllowDynamicAgentsWithoutAWarning() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        Result end = attachFindDumpDetach(ChildJvm.of("attach-jdk25-allowed", AttachTargetApp.class).javaHome(JDK25)
                .jvmOptions("-XX:+EnableDynamicAgentLoading"), false);
        assertTrue(end.stderr().stream().noneMatch(l -> l.startsWith("WARNING:")), end::describe);
    }

    /** The main flow in short: attach, wait for the finding, detach; returns the ended service. */
    private static Result attachFindDumpDetach(ChildJvm jvm, boolean expectNote) throws Exception {
        try (Running app = jvm.start(); Load load = Load.start(app)) {
            long pid = app.pid();
            Path dir = app.dir();
            load.awaitMore(20);

            Result attach = cli(dir, "attach", Long.toString(pid), "report=" + dir.resolve("at-detach.json"));
            assertSucceeded(attach);
            assertEquals(String.format(ATTACHED, pid), attach.stdout().get(0));
            if (expectNote) {
                assertEquals(2, attach.stdout().size(), attach::stdoutText);
                assertTrue(attach.stdout().get(1).startsWith(String.format(NOTE, pid)), attach::stdoutText);
                assertTrue(attach.stdout().get(1).contains("-XX:+EnableDynamicAgentLoading"), attach::stdoutText);
            } else {
                assertEquals(1, attach.stdout().size(), () -> "no note: the service allows dynamic agents\n" + attach.stdoutText());
            }

            assertFinding(awaitFinding(dir, pid, dir.resolve("dump.json")), pid, 3);
            Result detach = cli(dir, "detach", Long.toString(pid));
            assertSucceeded(detach);
            assertEquals(List.of(String.format(DETACHED, pid)), detach.stdout());
            assertFinding(Report.read(dir.resolve("at-detach.json")), pid, 3);
            assertFailed(cli(dir, "dump", Long.toString(pid)), String.format(NOT_ATTACHED, pid));
            load.awaitMore(10);

            Result end = stop(app, load);
            assertEquals(1, entries(end.log(), "nplusone.findings", "N+1 query in " + LIST_SCOPE + ": ").size(), end::describe);
            assertServiceWasHealthy(end, load);
            return end;
        }
    }

    // --- findings and reports -------------------------------------------------------------------

    /**
     * Dumps the report every so often until it has the N+1 of {@code GET /events} and a request to
     * {@code GET /events/{id}}; checks each
     * dump's output against its report. {@code file} null: the command's default file.
     */
    private static Report awaitFinding(Path cliDir, long pid, Path file) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Path written = file != null ? file : cliDir.resolve("nplusone-" + pid + ".json");
        for (int dumps = 1; ; dumps++) {
            Result dump = file != null ? cli(cliDir, "dump", Long.toString(pid), file.toString()) : cli(cliDir, "dump", Long.toString(pid));
            assertSucceeded(dump);
            Report report = Report.read(written);
            assertDumpOutput(dump, pid, written, report);
            // Under load the requests of each route arrive in their own time: wait for both routes.
            boolean oneEventServed = report.scopes().stream().anyMatch(scope -> scope.name().equals("GET /events/{id}"));
            if (!report.findings("n_plus_one", LIST_SCOPE).isEmpty() && oneEventServed) {
                return report;
            }
            if (System.nanoTime() > deadline) {
                fail("no N+1 in " + LIST_SCOPE + " after " + dumps + " dumps; the last: " + dump.stdoutText());
            }
            sleep(300);
        }
    }

    /** The dump's summary line, a line per finding, and the report's path: all as in the report it wrote. */
    private static void assertDumpOutput(Result dump, long pid, Path file, Report report) {
        List<String> out = dump.stdout();
        assertTrue(out.size() >= 2, dump::stdoutText);
        Matcher m = SUMMARY_LINE.matcher(out.get(0));
        assertTrue(m.matches(), dump::stdoutText);
        Report.Summary s = report.summary();
        assertEquals(List.of(pid, s.statements(), s.unscoped(), s.scopeInstances(), (long) s.scopes(), (long) s.findings()),
                List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                        Long.parseLong(m.group(5)), Long.parseLong(m.group(6))), dump::stdoutText);
        assertEquals("report: " + file.toAbsolutePath(), out.get(out.size() - 1));
        for (Finding f : report.findings()) {
            assertTrue(out.stream().anyMatch(l -> l.startsWith("  " + f.type() + " ") && l.contains(" " + f.scope() + " ")
                    && l.contains("x" + f.repetitions() + " ") && l.endsWith(" at " + f.location())), () -> f + "\n" + dump.stdoutText());
            assertTrue(out.contains("             " + f.shape()), () -> f + "\n" + dump.stdoutText());
        }
        assertEquals(pid, report.pid());
    }

    /** The one finding this service has while the agent records it: the N+1 of GET /events, exactly. */
    private static void assertFinding(Report report, long pid, int threshold) {
        assertEquals(pid, report.pid());
        assertEquals(threshold, report.threshold());
        Finding f = report.finding("n_plus_one", LIST_SCOPE, TALKS);
        assertEquals(List.of(LIST_SCOPE), f.path());
        assertEquals(LOCATION, f.location());
        assertEquals(LOCATION, f.stack().get(0), f.stack()::toString);
        assertEquals(AttachTargetApp.EVENTS, f.repetitions(), "one statement per event, never a statement of another request");
        assertEquals(EVENTS, f.trigger());
        Scope list = report.scope(LIST_SCOPE);
        assertEquals("http", list.kind());
        assertEquals(1 + AttachTargetApp.EVENTS, list.statements().max(), "the events, then one statement per event");
        assertTrue(report.findings().stream().allMatch(x -> x.scope().equals(LIST_SCOPE)), report::describeFindings);
    }

    /** The connection /legacy took from the pool before the attach is not wrapped: none of its statements is seen. */
    private static void assertLegacyConnectionUnseen(Report report) {
        assertTrue(report.findings("n_plus_one", "GET /legacy").isEmpty(), report::describeFindings);
        report.scopes().stream().filter(s -> s.name().equals("GET /legacy"))
                .forEach(s -> assertEquals(0, s.statements().total(), "statements on the connection kept since before the attach"));
    }

    /** Every request answered 200, many of them; the service ended by itself with exit 0 and no stack trace. */
    private static void assertServiceWasHealthy(Result end, Load load) {
        assertTrue(load.failures().isEmpty(), () -> load.failures().size() + " failed requests, e.g. " + load.failures().subList(0,
                Math.min(5, load.failures().size())) + end.describe());
        assertTrue(load.ok() > 50, "requests answered: " + load.ok());
        end.assertCleanRun();
        List<String> traces = end.stderr().stream().filter(l -> l.contains("Exception") || l.startsWith("\tat ") || l.startsWith("nplusone:"))
                .collect(Collectors.toList());
        assertTrue(traces.isEmpty(), () -> "the service's standard error:\n" + String.join("\n", traces) + end.describe());
    }

    private static List<LogEntry> entries(List<LogEntry> log, String logger, String messageStart) {
        return log.stream().filter(e -> e.logger().equals(logger) && e.message().startsWith(messageStart)).collect(Collectors.toList());
    }

    // --- the command line -----------------------------------------------------------------------

    private static final AtomicInteger CLI_RUNS = new AtomicInteger();

    /** {@code java -jar nplusone-agent.jar <args>} in {@code dir}; its output stays there as cli-NN-<command>.*. */
    private static Result cli(Path dir, String... args) {
        String name = String.format("cli-%02d-%s", CLI_RUNS.incrementAndGet(), args[0]);
        List<String> command = new ArrayList<>(List.of(CLI_JAVA.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", ChildJvm.AGENT_JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        try {
            Files.writeString(dir.resolve(name + ".cmd"), String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(name + " did not end within 60 s: " + command);
            }
            return new Result(name, dir, process.pid(), process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readAllLines(err, StandardCharsets.UTF_8), dir.resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertSucceeded(Result r) {
        assertEquals(0, r.exitCode(), () -> r.name() + " failed:\n" + r.stdoutText() + "\n" + r.stderrText());
        assertTrue(r.stderr().isEmpty(), () -> r.name() + " wrote to standard error:\n" + r.stderrText());
    }

    private static void assertFailed(Result r, String message) {
        assertFailedWith(r, message);
        assertEquals(message, r.stderr().get(0));
    }

    /** Exit 2, nothing on standard output, one line on standard error starting so. */
    private static void assertFailedWith(Result r, String messageStart) {
        String all = r.name() + ": exit " + r.exitCode() + "\n--- stdout:\n" + r.stdoutText() + "\n--- stderr:\n" + r.stderrText();
        assertEquals(2, r.exitCode(), all);
        assertTrue(r.stdout().isEmpty(), all);
        assertEquals(1, r.stderr().size(), all);
        assertTrue(r.stderr().get(0).startsWith(messageStart), all);
    }

    // --- the service ----------------------------------------------------------------------------

    private static void awaitStderr(Running app, Predicate<String> line) {
        awaitStderr(app, line, 1);
    }

    private static void awaitStderr(Running app, Predicate<String> line, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (app.stderr().stream().filter(line).count() < count) {
            if (System.nanoTime() > deadline) {
                fail("the service's standard error has not the expected line:\n" + String.join("\n", app.stderr()));
            }
            sleep(100);
        }
    }

    /** Stops the load (if any), then asks the service to stop and waits for it to end. */
    private static Result stop(Running app, Load load) throws Exception {
        if (load != null) {
            load.close();
        }
        Http.get(Http.client(), baseOf(app).resolve("/stop"));
        return app.await();
    }

    private static URI baseOf(Running app) {
        String port = app.awaitStdout("port ", PATIENCE).substring("port ".length());
        app.awaitStdout("ready", PATIENCE);
        return URI.create("http://127.0.0.1:" + port);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Requests to the service from {@link #LOAD_THREADS} threads, one after another on each, until
     * closed: mostly the N+1 route, and the others. Counts the answers; any but 200 is a failure.
     */
    static final class Load implements AutoCloseable {

        private static final List<String> PATHS = List.of("/events", "/events/3", "/events", "/legacy", "/events", "/events/7");

        private final HttpClient client = Http.client();
        private final URI base;
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger events = new AtomicInteger();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;

        private final Path counts;

        private Load(URI base, Path counts) {
            this.base = base;
            this.counts = counts;
        }

        static Load start(Running app) {
            Load load = new Load(baseOf(app), app.dir().resolve("load.txt"));
            for (int t = 0; t < LOAD_THREADS; t++) {
                int first = t;
                Thread thread = new Thread(() -> load.send(first), "load-" + t);
                thread.setDaemon(true);
                load.threads.add(thread);
                thread.start();
            }
            return load;
        }

        private void send(int first) {
            for (int i = first; running; i++) {
                String path = PATHS.get(i % PATHS.size());
                HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                        if (path.equals("/events")) {
                            events.incrementAndGet();
                        }
                    } else {
                        failures.add(path + ": " + response.statusCode() + " " + response.body());
                    }
                    Thread.sleep(2); // busy, but leaves the two cores some room for the command line
                } catch (IOException e) {
                    failures.add(path + ": " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int ok() {
            return ok.get();
        }

        /** Requests to {@code /events} answered 200 so far. */
        int events() {
            return events.get();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        /** Waits until {@code n} more requests were answered 200. */
        void awaitMore(int n) {
            await(ok, n);
        }

        /** Waits until {@code n} more requests to {@code /events} were answered 200. */
        void awaitMoreEvents(int n) {
            await(events, n);
        }

        private void await(AtomicInteger counter, int n) {
            int target = counter.get() + n;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (counter.get() < target) {
                if (!failures.isEmpty()) {
                    fail("requests failed: " + failures());
                }
                if (System.nanoTime() > deadline) {
                    fail("the service answered only " + counter.get() + " requests of " + target + " within " + PATIENCE.toSeconds() + " s");
                }
                sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                if (t.isAlive()) {
                    t.interrupt();
                }
            }
            try { // for whoever looks into the test's directory
                Files.writeString(counts, "answered 200: " + ok() + " (GET /events: " + events() + ")\nfailed: " + failures.size() + "\n"
                        + failures().stream().map(f -> "  " + f + "\n").collect(Collectors.joining()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

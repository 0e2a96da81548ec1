package dev.nplusone.bench;

import dev.nplusone.bench.http.DemoStarts;
import dev.nplusone.bench.http.PerRequest;
import dev.nplusone.bench.jdbc.PerStatement;
import dev.nplusone.bench.memory.Memory;
import dev.nplusone.bench.profile.HotPath;
import dev.nplusone.bench.stack.StackCapture;
import dev.nplusone.bench.startup.StartUp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Runs the parts asked for and prints one table. Progress goes to standard error, the table to
 * standard output and to {@code bench/target/bench-results.md}. Usually started by
 * {@code bench/run.sh}, which builds the jars first.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(settings.work);
        Table table = new Table();
        String loadBefore = loadAverage();
        long begin = System.nanoTime();
        DemoStarts demoStarts = new DemoStarts();

        if (settings.parts.contains("statement")) {
            part("1. per statement (JMH, a fork per configuration, rounds interleaved)");
            new PerStatement(settings).run(table);
        }
        if (settings.parts.contains("cpu")) {
            part("1. per statement, in the benchmark thread's CPU time (a plain loop per configuration, rounds interleaved)");
            new PerStatement(settings, true).run(table);
        }
        if (settings.parts.contains("stack")) {
            part("5. stack capture (JMH, the agent's CallSites from its jar)");
            new StackCapture(settings).run(table);
        }
        if (settings.parts.contains("request")) {
            part("2. per request (the demo under HTTP load from a second JVM)");
            new PerRequest(settings, demoStarts).run(table);
        }
        if (settings.parts.contains("startup")) {
            part("3. start-up");
            new StartUp(settings, demoStarts).run(table);
        }
        if (settings.parts.contains("memory")) {
            part("4. memory (heap after a full collection, with against without the agent)");
            new Memory(settings).run(table);
        }

        String profile = "";
        if (settings.parts.contains("profile")) {
            part("profile of the hot path (JFR)");
            HotPath hotPath = new HotPath(settings);
            profile = hotPath.run("inScope") + "\n" + hotPath.run("statement") + "\n" + hotPath.run("inScopeEveryStatementWalked");
        }

        long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        table.note(String.format("%s mode, %s; %s, %d cores; load average %s before, %s after; %d min %02d s.",
                settings.quick ? "Quick" : "Full", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), seconds / 60, seconds % 60));
        String markdown = table.markdown() + (profile.isEmpty() ? "" : "\n```\n" + profile + "```\n");
        System.out.println();
        System.out.print(markdown);
        Path results = settings.work.resolveSibling("bench-results.md");
        Files.writeString(results, markdown);
        System.err.println("\nwritten to " + results);
    }

    private static void part(String title) {
        System.err.println("== " + title);
    }

    /** The one-minute load average: how busy the machine was, since other work may share it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }
}

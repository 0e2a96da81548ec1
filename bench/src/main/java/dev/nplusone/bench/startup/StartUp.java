package dev.nplusone.bench.startup;

import dev.nplusone.bench.Jvm;
import dev.nplusone.bench.Settings;
import dev.nplusone.bench.Stats;
import dev.nplusone.bench.Table;
import dev.nplusone.bench.Table.Row;
import dev.nplusone.bench.http.Demo;
import dev.nplusone.bench.http.DemoStarts;

import java.util.ArrayList;
import java.util.List;

/**
 * Question 3: what the agent adds to a JVM's start. Pairs of runs, without then with the agent
 * (the order alternating), of a trivial main (the whole process, from launch to exit: premain,
 * main and the agent's exit hook) and of the demo (the JVM's uptime at Spring Boot's "Started"
 * line). The added time is the median over pairs of the difference within a pair.
 */
public final class StartUp {

    private static final String MEASURE = "3. start-up";
    /** Issue 14's targets: what the agent may add to a trivial main, and to the demo's start. */
    private static final double TRIVIAL_MAIN_TARGET_MS = 150;
    private static final double DEMO_TARGET_MS = 500;
    /** No target: a figure beside ours. */
    private static final double NONE = 0;

    private final Settings settings;
    private final DemoStarts demoStarts;

    public StartUp(Settings settings, DemoStarts demoStarts) {
        this.settings = settings;
        this.demoStarts = demoStarts;
    }

    public void run(Table table) throws Exception {
        trivialMain(table);
        demo(table);
    }

    private void trivialMain(Table table) throws Exception {
        List<String> bare = List.of("-cp", Jvm.benchClassPath());
        List<String> agent = List.of(settings.agentArgument("startup-agent.log"), "-cp", Jvm.benchClassPath());
        List<String> otel = new ArrayList<>(settings.otelArguments());
        otel.addAll(bare);
        wallMillis(bare); // the first start of a jar pays for the disk cache: pay it outside the figures
        wallMillis(agent);
        wallMillis(otel);
        String what = "trivial main, launch to exit";
        double ours = pairs(table, what, bare, agent, "agent", TRIVIAL_MAIN_TARGET_MS);
        double theirs = pairs(table, what, bare, otel, "OpenTelemetry agent, exporters off", NONE);
        table.add(Row.figure(MEASURE, what + ", nplusone added / OpenTelemetry added", String.format("%.2fx", ours / theirs), "",
                "medians of the added times, each against its own bare runs"));
    }

    /** Pairs of starts without and with {@code with}, the order alternating; returns the median added time. */
    private double pairs(Table table, String what, List<String> bare, List<String> with, String name, double targetMs) throws Exception {
        List<Double> without = new ArrayList<>();
        List<Double> withIt = new ArrayList<>();
        for (int pair = 0; pair < settings.startupPairs; pair++) {
            boolean withFirst = pair % 2 == 1;
            double a = wallMillis(withFirst ? with : bare);
            double b = wallMillis(withFirst ? bare : with);
            without.add(withFirst ? b : a);
            withIt.add(withFirst ? a : b);
        }
        System.err.printf("  trivial main: without %s ms, with the %s %s ms%n", without, name, withIt);
        return added(table, what, without, withIt, "ms", name, targetMs);
    }

    private double wallMillis(List<String> options) throws Exception {
        long start = System.nanoTime();
        Jvm.run(Jvm.command(options, Hello.class.getName()));
        return (System.nanoTime() - start) / 1e6;
    }

    private void demo(Table table) throws Exception {
        for (int pair = 0; pair < settings.demoStartPairs; pair++) {
            boolean agentFirst = pair % 2 == 1;
            for (boolean agent : agentFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                try (Demo demo = Demo.start(settings, agent)) {
                    demoStarts.add(demo);
                }
            }
        }
        List<Double> without = seconds(demoStarts.bare());
        List<Double> with = seconds(demoStarts.agent());
        System.err.printf("  demo Started at: without %s ms, with %s ms%n", without, with);
        added(table, "demo, JVM uptime at \"Started\"", without, with, "ms", "agent", DEMO_TARGET_MS);
    }

    private static List<Double> seconds(List<Double> seconds) {
        List<Double> millis = new ArrayList<>();
        for (double s : seconds) {
            millis.add(s * 1000);
        }
        return millis;
    }

    private static double added(Table table, String what, List<Double> without, List<Double> with, String unit,
            String name, double targetMs) {
        int pairs = Math.min(without.size(), with.size());
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            differences.add(with.get(i) - without.get(i));
        }
        double added = Stats.median(differences);
        String bareLabel = what + ", bare" + (targetMs != NONE ? "" : " (paired with the " + name + ")");
        table.add(Row.figure(MEASURE, bareLabel, String.format("%.0f %s", Stats.median(without), unit), "",
                "runs " + Stats.range(without, "%.0f")));
        String median = String.format("%.0f %s", Stats.median(with), unit);
        String versus = String.format("%+.0f %s", added, unit);
        String detail = pairs + " pairs; added per pair " + Stats.range(differences, "%+.0f");
        table.add(targetMs != NONE
                ? Row.target(MEASURE, what + ", " + name, median, versus, detail, String.format("< %.0f ms added", targetMs), added < targetMs)
                : Row.figure(MEASURE, what + ", " + name, median, versus, detail));
        return added;
    }
}

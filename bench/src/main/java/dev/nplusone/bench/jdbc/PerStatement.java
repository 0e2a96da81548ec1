package dev.nplusone.bench.jdbc;

import dev.nplusone.bench.Jmh;
import dev.nplusone.bench.Jvm;
import dev.nplusone.bench.Settings;
import dev.nplusone.bench.Stats;
import dev.nplusone.bench.Table;
import dev.nplusone.bench.Table.Row;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Question 1: what the agent adds to one statement. Each configuration runs in its own JMH fork;
 * a round runs every configuration once, in an order that rotates from round to round, and the
 * overheads are computed within a round before the median over rounds is taken.
 */
public final class PerStatement {

    /** What the fork's JVM starts with. */
    enum Attach {
        NOTHING, NPLUSONE, OPENTELEMETRY
    }

    enum Config {
        BARE("(a) bare", "statement", Attach.NOTHING),
        OUTSIDE("(b) agent, outside a scope", "statement", Attach.NPLUSONE),
        IN_SCOPE("(c) agent, in a scope, steady state", "inScope", Attach.NPLUSONE),
        PROXY("(d) datasource-proxy alone", "datasourceProxy", Attach.NOTHING),
        P6SPY("(e) p6spy alone, a no-op listener", "p6spy", Attach.NOTHING),
        OTEL_IN_SPAN("(f) OpenTelemetry agent, in a parent span", "inSpan", Attach.OPENTELEMETRY),
        OTEL_NO_SPAN("OpenTelemetry agent, no parent span", "statement", Attach.OPENTELEMETRY),
        WALKED("agent, in a scope, every statement walked", "inScopeEveryStatementWalked", Attach.NPLUSONE),
        WALKED_DEEP("agent, every statement walked, 150 more frames below", "inScopeEveryStatementWalkedDeep", Attach.NPLUSONE),
        SCOPE_EACH("agent, a scope opened and closed per statement", "scopePerStatement", Attach.NPLUSONE);

        final String label;
        final String method;
        final Attach attach;

        Config(String label, String method, Attach attach) {
            this.label = label;
            this.method = method;
            this.attach = attach;
        }
    }

    private final String measure;

    private final Settings settings;
    private final Jmh jmh;
    /** Timed in the benchmark thread's CPU time ({@link CpuLoop}) rather than by JMH's wall clock. */
    private final boolean cpu;
    private final Map<Config, List<Jmh.Score>> scores = new EnumMap<>(Config.class);

    public PerStatement(Settings settings) {
        this(settings, false);
    }

    public PerStatement(Settings settings, boolean cpu) {
        this.settings = settings;
        this.jmh = new Jmh(settings);
        this.cpu = cpu;
        this.measure = cpu ? "1. per statement, CPU time" : "1. per statement";
    }

    public void run(Table table) throws Exception {
        Config[] configs = Config.values();
        for (int round = 0; round < settings.statementRounds; round++) {
            for (int i = 0; i < configs.length; i++) {
                Config config = configs[(i + round) % configs.length];
                List<String> jvmArgs = switch (config.attach) {
                    case NOTHING -> List.of();
                    case NPLUSONE -> List.of(settings.agentArgument("statement-agent.log"));
                    case OPENTELEMETRY -> settings.otelArguments();
                };
                Jmh.Score score = cpu ? cpuLoop(config.method, jvmArgs) : jmh.run(StatementBenchmark.class, config.method, List.of(), jvmArgs);
                scores.computeIfAbsent(config, c -> new ArrayList<>()).add(score);
                System.err.printf("  round %d/%d  %-48s %8.0f ns/op %7.0f B/op%n",
                        round + 1, settings.statementRounds, config.label, score.nanos(), score.bytes());
            }
        }
        report(table);
    }

    private void report(Table table) {
        double bare = median(Config.BARE);
        for (Config config : Config.values()) {
            List<Double> added = added(config);
            String versus = config == Config.BARE ? "" : String.format("%+.0f ns (%.2fx)", Stats.median(added), median(config) / bare);
            String spread = Stats.range(nanos(config), "%.0f");
            String detail = String.format("%.0f B/op", medianBytes(config)) + (spread.isEmpty() ? "" : "; rounds " + spread + " ns");
            table.add(Row.figure(measure, config.label, ns(median(config)), versus, detail));
        }
        // Issue 14's targets, each against datasource-proxy's own overhead in the same run. The ratio
        // of two median overheads, each taken within rounds: a ratio per round would be fragile (one
        // round where the machine slowed the bare fork makes its denominator small or negative). The
        // per-round ratios are shown beside it for the spread.
        table.add(ratio(Config.IN_SCOPE, Config.PROXY, "datasource-proxy", 1.0));
        table.add(ratio(Config.OUTSIDE, Config.PROXY, "datasource-proxy", 0.5));
        table.add(ratio(Config.WALKED, Config.PROXY, "datasource-proxy", 3.0));
        table.add(ratio(Config.SCOPE_EACH, Config.PROXY, "datasource-proxy", 3.0));
        table.add(ratio(Config.IN_SCOPE, Config.P6SPY, "p6spy", Double.NaN));
        table.add(ratio(Config.IN_SCOPE, Config.OTEL_IN_SPAN, "OpenTelemetry", Double.NaN));
        List<Double> deeper = difference(Config.WALKED_DEEP, Config.WALKED);
        table.add(Row.figure(measure, "150 more frames below: deep walked minus walked", String.format("%+,.0f ns", Stats.median(deeper)), "",
                "per round " + Stats.range(deeper, "%+.0f") + " ns; a full walk of 150 more frames would add several microseconds"));
        if (cpu) {
            return;
        }
        double walked = Stats.median(difference(Config.WALKED, Config.IN_SCOPE));
        // In steady state one statement in VERIFY_EVERY (16) is walked; every one is in WALKED.
        table.add(Row.figure("5. stack capture", "call-site fingerprint, in place (walked minus steady, x 16/15)",
                ns(walked * 16 / 15), "", "a walk per statement inside a scope, through H2, HikariCP and the agent's wrappers"));
    }

    /** "X added / Y added": what one configuration adds over bare, against what another adds. */
    private Row ratio(Config ours, Config other, String name, double target) {
        List<Double> a = added(ours);
        List<Double> b = added(other);
        double ratio = Stats.median(a) / Stats.median(b);
        List<Double> perRound = new ArrayList<>();
        for (int r = 0; r < a.size(); r++) {
            perRound.add(a.get(r) / b.get(r));
        }
        String spread = Stats.range(perRound, "%.2f");
        String label = ours.label.startsWith("(") ? "nplusone added " + ours.label.substring(0, 3) : ours.label.replace("agent, ", "") + ", added";
        label += " / " + name + " added " + other.label.substring(0, 3);
        String detail = spread.isEmpty() ? "" : "per round " + spread;
        if (Double.isNaN(target)) {
            return Row.figure(measure, label, String.format("%.2fx", ratio), "", detail);
        }
        return Row.target(measure, label, String.format("%.2fx", ratio), "", detail,
                String.format("<= %.1fx", target), ratio <= target);
    }

    /** One configuration in a child JVM of its own, timed in CPU time by {@link CpuLoop}, with JMH's warm-up and measurement windows. */
    private Jmh.Score cpuLoop(String method, List<String> jvmArgs) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-cp", Jvm.benchClassPath()));
        options.addAll(0, jvmArgs);
        List<String> out = Jvm.run(Jvm.command(options, CpuLoop.class.getName(), method,
                String.valueOf(settings.jmhWarmups), String.valueOf(settings.jmhIterations)));
        return new Jmh.Score(Double.parseDouble(Jvm.field(out, "cpu-ns-per-op:")), Double.parseDouble(Jvm.field(out, "bytes-per-op:")));
    }

    /** Per round: the configuration's time minus the bare configuration's time of the same round. */
    private List<Double> added(Config config) {
        return difference(config, Config.BARE);
    }

    private List<Double> difference(Config config, Config baseline) {
        List<Double> out = new ArrayList<>();
        List<Jmh.Score> a = scores.get(config);
        List<Jmh.Score> b = scores.get(baseline);
        for (int r = 0; r < a.size(); r++) {
            out.add(a.get(r).nanos() - b.get(r).nanos());
        }
        return out;
    }

    private List<Double> nanos(Config config) {
        List<Double> out = new ArrayList<>();
        for (Jmh.Score s : scores.get(config)) {
            out.add(s.nanos());
        }
        return out;
    }

    private double median(Config config) {
        return Stats.median(nanos(config));
    }

    private double medianBytes(Config config) {
        List<Double> out = new ArrayList<>();
        for (Jmh.Score s : scores.get(config)) {
            out.add(s.bytes());
        }
        return Stats.median(out);
    }

    static String ns(double nanos) {
        return String.format("%,.0f ns", nanos);
    }
}

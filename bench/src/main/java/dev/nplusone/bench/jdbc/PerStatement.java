package dev.nplusone.bench.jdbc;

import dev.nplusone.bench.Jmh;
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

    enum Config {
        BARE("(a) bare", "statement", false),
        OUTSIDE("(b) agent, outside a scope", "statement", true),
        IN_SCOPE("(c) agent, in a scope, steady state", "inScope", true),
        PROXY("(d) datasource-proxy alone", "datasourceProxy", false),
        WALKED("agent, in a scope, every statement walked", "inScopeEveryStatementWalked", true),
        SCOPE_EACH("agent, a scope opened and closed per statement", "scopePerStatement", true);

        final String label;
        final String method;
        final boolean agent;

        Config(String label, String method, boolean agent) {
            this.label = label;
            this.method = method;
            this.agent = agent;
        }
    }

    private static final String MEASURE = "1. per statement";
    private static final double TARGET_NANOS = 1_000;
    private static final double TARGET_RATIO = 1.5;

    private final Settings settings;
    private final Jmh jmh;
    private final Map<Config, List<Jmh.Score>> scores = new EnumMap<>(Config.class);

    public PerStatement(Settings settings) {
        this.settings = settings;
        this.jmh = new Jmh(settings);
    }

    public void run(Table table) throws Exception {
        Config[] configs = Config.values();
        for (int round = 0; round < settings.statementRounds; round++) {
            for (int i = 0; i < configs.length; i++) {
                Config config = configs[(i + round) % configs.length];
                List<String> jvmArgs = config.agent ? List.of(settings.agentArgument("statement-agent.log")) : List.of();
                Jmh.Score score = jmh.run(StatementBenchmark.class, config.method, List.of(), jvmArgs);
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
            if (config == Config.IN_SCOPE) {
                double over = Stats.median(added);
                table.add(Row.target(MEASURE, config.label, ns(median(config)), versus, detail,
                        "< 1,000 ns added", over < TARGET_NANOS));
            } else {
                table.add(Row.figure(MEASURE, config.label, ns(median(config)), versus, detail));
            }
        }
        // The ratio of the two median overheads, each taken within rounds. A ratio per round would
        // be fragile: one round where the machine slowed the bare fork makes its denominator
        // small or negative. The per-round ratios are shown beside it for the spread.
        List<Double> inScope = added(Config.IN_SCOPE);
        List<Double> proxy = added(Config.PROXY);
        double ratio = Stats.median(inScope) / Stats.median(proxy);
        List<Double> perRound = new ArrayList<>();
        for (int r = 0; r < inScope.size(); r++) {
            perRound.add(inScope.get(r) / proxy.get(r));
        }
        String spread = Stats.range(perRound, "%.2f");
        table.add(Row.target(MEASURE, "(c) added / (d) added", String.format("%.2fx", ratio), "",
                spread.isEmpty() ? "" : "per round " + spread, "<= 1.5x", ratio <= TARGET_RATIO));
        double walked = Stats.median(difference(Config.WALKED, Config.IN_SCOPE));
        // In steady state one statement in VERIFY_EVERY (8) is walked; every one is in WALKED.
        table.add(Row.figure("5. stack capture", "call-site fingerprint, in place (walked minus steady, x 8/7)",
                ns(walked * 8 / 7), "", "a walk per statement inside a scope, through H2, HikariCP and the proxies"));
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

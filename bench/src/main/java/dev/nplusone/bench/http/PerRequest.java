package dev.nplusone.bench.http;

import dev.nplusone.bench.Jvm;
import dev.nplusone.bench.Settings;
import dev.nplusone.bench.Stats;
import dev.nplusone.bench.Table;
import dev.nplusone.bench.Table.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Question 2: the demo's list endpoints under a bounded closed-loop load from a second JVM on
 * 127.0.0.1, without and with the agent. A round starts the demo twice (one JVM per
 * configuration, the order alternating from round to round) and loads the eager then the naive
 * list in each; throughput ratios are taken within a round, then the median over rounds.
 */
public final class PerRequest {

    private static final String MEASURE = "2. per request";
    private static final List<String> ENDPOINTS = List.of("/eager/events", "/naive/events");
    /** Issue 14's targets: the throughput the agent leaves each list, as a ratio to the same run's bare JVM. */
    private static final Map<String, Double> TARGET_RATIOS = Map.of("/eager/events", 0.97, "/naive/events", 0.93);

    /** One load run's figures. */
    record Load(double rps, long p50, long p90, long p99, long requests) {
    }

    private final Settings settings;
    private final DemoStarts starts;
    // endpoint -> configuration (false: without the agent) -> one Load per round
    private final Map<String, Map<Boolean, List<Load>>> loads = new LinkedHashMap<>();

    public PerRequest(Settings settings, DemoStarts starts) {
        this.settings = settings;
        this.starts = starts;
    }

    public void run(Table table) throws Exception {
        for (int round = 0; round < settings.httpRounds; round++) {
            boolean[] order = round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
            for (boolean agent : order) {
                try (Demo demo = Demo.start(settings, agent)) {
                    starts.add(demo);
                    for (String endpoint : ENDPOINTS) {
                        Load load = load(demo.url(endpoint));
                        loads.computeIfAbsent(endpoint, e -> new LinkedHashMap<>())
                                .computeIfAbsent(agent, a -> new ArrayList<>()).add(load);
                        System.err.printf("  round %d/%d  %-6s %-14s %7.1f req/s  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  (%d requests)%n",
                                round + 1, settings.httpRounds, agent ? "agent" : "bare", endpoint, load.rps,
                                load.p50 / 1000.0, load.p90 / 1000.0, load.p99 / 1000.0, load.requests);
                    }
                }
            }
        }
        report(table);
    }

    private Load load(String url) throws Exception {
        List<String> out = Jvm.run(Jvm.command(List.of("-Xmx256m", "-cp", Jvm.benchClassPath()),
                LoadGenerator.class.getName(), url, Integer.toString(settings.httpConcurrency),
                Integer.toString(settings.httpWarmupSeconds), Integer.toString(settings.httpSeconds)));
        long errors = Long.parseLong(Jvm.field(out, "errors "));
        if (errors > 0) {
            throw new IllegalStateException(errors + " failed requests to " + url);
        }
        return new Load(Double.parseDouble(Jvm.field(out, "rps ")), Long.parseLong(Jvm.field(out, "p50_us ")),
                Long.parseLong(Jvm.field(out, "p90_us ")), Long.parseLong(Jvm.field(out, "p99_us ")),
                Long.parseLong(Jvm.field(out, "requests ")));
    }

    private void report(Table table) {
        for (Map.Entry<String, Map<Boolean, List<Load>>> e : loads.entrySet()) {
            String endpoint = e.getKey();
            List<Load> bare = e.getValue().get(false);
            List<Load> agent = e.getValue().get(true);
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < bare.size(); r++) {
                ratios.add(agent.get(r).rps / bare.get(r).rps);
            }
            double ratio = Stats.median(ratios);
            table.add(Row.figure(MEASURE, "GET " + endpoint + ", bare", rps(bare), "", latencies(bare)));
            String config = "GET " + endpoint + ", agent";
            String versus = String.format("%.3fx throughput", ratio);
            String detail = latencies(agent) + (ratios.size() > 1 ? "; ratios " + Stats.range(ratios, "%.3f") : "");
            double target = TARGET_RATIOS.get(endpoint);
            table.add(Row.target(MEASURE, config, rps(agent), versus, detail, String.format(">= %.2fx throughput", target), ratio >= target));
        }
    }

    private static String rps(List<Load> loads) {
        List<Double> values = new ArrayList<>();
        for (Load l : loads) {
            values.add(l.rps);
        }
        return String.format("%.1f req/s", Stats.median(values));
    }

    /** Median over rounds of each percentile, in milliseconds. */
    private static String latencies(List<Load> loads) {
        List<Double> p50 = new ArrayList<>();
        List<Double> p90 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        long requests = 0;
        for (Load l : loads) {
            p50.add(l.p50 / 1000.0);
            p90.add(l.p90 / 1000.0);
            p99.add(l.p99 / 1000.0);
            requests += l.requests;
        }
        return String.format("p50 %.1f / p90 %.1f / p99 %.1f ms, %d requests", Stats.median(p50), Stats.median(p90),
                Stats.median(p99), requests);
    }
}

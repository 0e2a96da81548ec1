package dev.nplusone.bench.stack;

import dev.nplusone.bench.Jmh;
import dev.nplusone.bench.Settings;
import dev.nplusone.bench.Stats;
import dev.nplusone.bench.Table;
import dev.nplusone.bench.Table.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Question 5, in isolation: fingerprint and full stack at two stack depths, a fork each, in rounds. */
public final class StackCapture {

    private static final String MEASURE = "5. stack capture";

    private final Settings settings;
    private final Jmh jmh;

    public StackCapture(Settings settings) {
        this.settings = settings;
        this.jmh = new Jmh(settings);
    }

    public void run(Table table) throws Exception {
        List<String> jvmArgs = List.of("-D" + CallSiteBenchmark.AGENT_JAR + "=" + settings.agentJar);
        int rounds = settings.quick ? 1 : 2;
        Map<String, List<Jmh.Score>> scores = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String method : List.of("fingerprint", "fullStack")) {
                for (String depth : List.of("4", "32")) {
                    Jmh.Score score = jmh.run(CallSiteBenchmark.class, method, List.of("depth", depth), jvmArgs);
                    scores.computeIfAbsent(method + " " + depth, k -> new ArrayList<>()).add(score);
                    System.err.printf("  round %d/%d  %-12s depth %-3s %8.0f ns/op %7.0f B/op%n",
                            round + 1, rounds, method, depth, score.nanos(), score.bytes());
                }
            }
        }
        for (Map.Entry<String, List<Jmh.Score>> e : scores.entrySet()) {
            String[] key = e.getKey().split(" ");
            String what = key[0].equals("fingerprint") ? "call-site fingerprint" : "full filtered stack, once per new call site";
            List<Double> nanos = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            for (Jmh.Score s : e.getValue()) {
                nanos.add(s.nanos());
                bytes.add(s.bytes());
            }
            table.add(Row.figure(MEASURE, what + ", " + key[1] + " application frames deep",
                    String.format("%,.0f ns", Stats.median(nanos)), "", String.format("%.0f B/op", Stats.median(bytes))));
        }
    }
}

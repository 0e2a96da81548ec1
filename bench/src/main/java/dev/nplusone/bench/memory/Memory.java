package dev.nplusone.bench.memory;

import dev.nplusone.bench.Jvm;
import dev.nplusone.bench.Settings;
import dev.nplusone.bench.Table;
import dev.nplusone.bench.Table.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Question 4: the heap the agent retains. Each workload of {@link MemoryWorkload} runs in a JVM
 * without the agent and in one with it; the agent's share at a checkpoint is the difference of
 * the heap in use after a full collection. The figures are deterministic to a few hundred
 * kilobytes, so one run of each suffices.
 */
public final class Memory {

    private static final String MEASURE = "4. memory";
    private static final double MB = 1024 * 1024;

    private final Settings settings;

    public Memory(Settings settings) {
        this.settings = settings;
    }

    public void run(Table table) throws Exception {
        workload(table, "long-scope", "1,000,000 statements, 10,000 shapes, one open scope", "statements");
        workload(table, "short-scopes", "100,000 short scopes, each its own name and N+1", "scopes");
    }

    private void workload(Table table, String workload, String label, String unit) throws Exception {
        Map<String, Long> without = checkpoints(workload, false);
        Map<String, Long> with = checkpoints(workload, true);
        // Growth from the first checkpoint in each JVM, then with minus without: what the workload
        // made the agent keep. The agent's own start (classes' static data, caches) is apart.
        double atStart = (with.get("0") - without.get("0")) / MB;
        List<String> labels = new ArrayList<>(with.keySet());
        labels.remove("0");
        List<Double> retained = new ArrayList<>();
        StringBuilder growth = new StringBuilder();
        for (String checkpoint : labels) {
            double mb = ((with.get(checkpoint) - with.get("0")) - (without.get(checkpoint) - without.get("0"))) / MB;
            retained.add(mb);
            growth.append(growth.length() == 0 ? "" : ", ").append(checkpoint).append(": ").append(String.format("%.1f", mb));
        }
        // The last checkpoint before the scope closes ("closed" comes after it in the long scope).
        int last = labels.indexOf("closed") > 0 ? labels.indexOf("closed") - 1 : labels.size() - 1;
        int half = labels.indexOf(halfWay(labels.get(last)));
        double end = retained.get(last);
        double middle = half < 0 ? Double.NaN : retained.get(half);
        boolean flat = end - middle <= Math.max(1.0, 0.1 * end);
        System.err.printf("  %s: agent at start %+.1f MB; retained by the workload, MB: %s%n", workload, atStart, growth);
        table.add(Row.target(MEASURE, label, String.format("%.1f MB", end),
                String.format("%+.1f MB at half-way", end - middle),
                String.format("MB after %s: %s; agent at start %+.1f MB", unit, growth, atStart),
                "bounded (flat over the second half)", flat));
    }

    private static String halfWay(String count) {
        return Integer.toString(Integer.parseInt(count) / 2);
    }

    private Map<String, Long> checkpoints(String workload, boolean agent) throws Exception {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"));
        if (agent) {
            options.add(settings.agentArgument("memory-agent.log"));
        }
        options.add("-cp");
        options.add(Jvm.benchClassPath());
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : Jvm.run(Jvm.command(options, MemoryWorkload.class.getName(), workload))) {
            if (line.startsWith("checkpoint ")) {
                String[] parts = line.split(" ");
                out.put(parts[1], Long.parseLong(parts[2]));
            }
        }
        return out;
    }
}

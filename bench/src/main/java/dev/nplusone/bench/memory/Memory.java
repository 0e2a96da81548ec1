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
 * the heap in use after a full collection. The figures repeat to within 0.1 MB from run to run,
 * so one run of each suffices.
 */
public final class Memory {

    private static final String MEASURE = "4. memory";
    private static final double MB = 1024 * 1024;
    /** ScopeStatements.MAX_SHAPES: the shapes one outermost scope groups; further ones are only counted. */
    private static final int MAX_SHAPES_PER_SCOPE = 2_000;

    private final Settings settings;

    public Memory(Settings settings) {
        this.settings = settings;
    }

    public void run(Table table) throws Exception {
        int divisor = settings.quick ? 4 : 1;
        // One long scope keeps growing until its shapes' tables fill (2,000 shapes x 4,096 distinct
        // statements): a figure, held to the bound measured below rather than to a plateau.
        workload(table, "long-scope", divisor, String.format("%,d statements, %,d shapes, one open scope",
                MemoryWorkload.STATEMENTS / divisor, MemoryWorkload.SHAPES), "statements", false);
        // Short scopes leave only the registry behind, whose bounds the first 5,000 scopes reach.
        workload(table, "short-scopes", divisor, String.format("%,d short scopes, each its own name and N+1",
                MemoryWorkload.SCOPES / divisor), "scopes", true);
        saturated(table);
    }

    /** @param plateau whether the figure is held to the target of being flat over the workload's second half */
    private void workload(Table table, String workload, int divisor, String label, String unit, boolean plateau) throws Exception {
        Map<String, Long> without = checkpoints(workload, divisor, false);
        Map<String, Long> with = checkpoints(workload, divisor, true);
        // With minus without at the same checkpoint: everything the agent holds, what it keeps
        // from its own start included (the first checkpoint, before the workload, is that alone).
        List<String> labels = new ArrayList<>(with.keySet());
        List<Double> retained = new ArrayList<>();
        StringBuilder perCheckpoint = new StringBuilder();
        for (String checkpoint : labels) {
            double mb = (with.get(checkpoint) - without.get(checkpoint)) / MB;
            retained.add(mb);
            perCheckpoint.append(perCheckpoint.length() == 0 ? "" : ", ").append(checkpoint.equals("0") ? "start" : checkpoint)
                    .append(": ").append(String.format("%.1f", mb));
        }
        // The last checkpoint before the scope closes ("closed" comes after it in the long scope).
        int last = labels.indexOf("closed") > 0 ? labels.indexOf("closed") - 1 : labels.size() - 1;
        int half = labels.indexOf(halfWay(labels.get(last)));
        double end = retained.get(last);
        double middle = half < 0 ? Double.NaN : retained.get(half);
        boolean flat = end - middle <= Math.max(1.0, 0.1 * end);
        System.err.printf("  %s: the agent holds, MB: %s%n", workload, perCheckpoint);
        String median = String.format("%.1f MB", end);
        String versus = String.format("%+.1f MB since half-way", end - middle);
        String detail = String.format("MB after %s: %s", unit, perCheckpoint);
        table.add(plateau
                ? Row.target(MEASURE, label, median, versus, detail, "bounded: flat over the second half", flat)
                : Row.figure(MEASURE, label, median, versus, detail));
    }

    /**
     * The most one shape can hold in an open scope, measured on shapes whose per-shape tables are
     * full, then multiplied by the number of shapes a scope groups: the configured bound of one
     * open scope: what "bounded by configuration" amounts to for one thread.
     */
    private void saturated(Table table) throws Exception {
        String half = Integer.toString(MemoryWorkload.SATURATED_SHAPES / 2);
        String all = Integer.toString(MemoryWorkload.SATURATED_SHAPES);
        Map<String, Long> without = checkpoints("saturated-shapes", 1, false);
        Map<String, Long> with = checkpoints("saturated-shapes", 1, true);
        // The second half's shapes alone: what one more saturated shape adds, start-up aside.
        int measured = MemoryWorkload.SATURATED_SHAPES - MemoryWorkload.SATURATED_SHAPES / 2;
        double mb = ((with.get(all) - with.get(half)) - (without.get(all) - without.get(half))) / MB;
        double perShapeKb = mb * 1024 / measured;
        System.err.printf("  saturated-shapes: %.1f MB for %d shapes, %.0f KB per shape%n", mb, measured, perShapeKb);
        table.add(Row.figure(MEASURE, "one saturated shape in an open scope (4,096+ distinct statements)",
                String.format("%.0f KB", perShapeKb), "",
                String.format("%d shapes measured; 2,000 of them would take %.0f MB without scope-memory", measured,
                        perShapeKb * MAX_SHAPES_PER_SCOPE / 1024)));

        // Past the budget: what one open scope holds, measured, not multiplied.
        String cappedAll = Integer.toString(MemoryWorkload.CAPPED_SHAPES);
        String cappedHalf = Integer.toString(MemoryWorkload.CAPPED_SHAPES / 2);
        Map<String, Long> cappedWithout = checkpoints("capped-scope", 1, false);
        Map<String, Long> cappedWith = checkpoints("capped-scope", 1, true);
        double heldMb = (cappedWith.get(cappedAll) - cappedWithout.get(cappedAll)) / MB;
        double halfMb = (cappedWith.get(cappedHalf) - cappedWithout.get(cappedHalf)) / MB;
        System.err.printf("  capped-scope: the agent holds %.1f MB at %s shapes, %.1f MB at %s%n", halfMb, cappedHalf, heldMb, cappedAll);
        table.add(Row.target(MEASURE, "one open scope past its budget (default scope-memory=32m)",
                String.format("%.1f MB", heldMb), "",
                String.format("%,d statements of %d shapes, %,d distinct values each; %.1f MB at half-way",
                        MemoryWorkload.CAPPED_SHAPES * MemoryWorkload.CAPPED_VALUES, MemoryWorkload.CAPPED_SHAPES,
                        MemoryWorkload.CAPPED_VALUES, halfMb),
                "at most 32 MB per scope", heldMb <= 32.0));
    }

    private static String halfWay(String count) {
        return Integer.toString(Integer.parseInt(count) / 2);
    }

    private Map<String, Long> checkpoints(String workload, int divisor, boolean agent) throws Exception {
        // Serial: System.gc() is a full, compacting collection. Soft references cleared at every
        // collection: H2 keeps caches behind them, which would otherwise add megabytes of noise.
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:SoftRefLRUPolicyMSPerMB=0", "-Xms1g", "-Xmx1g"));
        if (agent) {
            options.add(settings.agentArgument("memory-agent.log"));
        }
        options.add("-cp");
        options.add(Jvm.benchClassPath());
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : Jvm.run(Jvm.command(options, MemoryWorkload.class.getName(), workload, Integer.toString(divisor)))) {
            if (line.startsWith("checkpoint ")) {
                String[] parts = line.split(" ");
                out.put(parts[1], Long.parseLong(parts[2]));
            }
        }
        return out;
    }
}

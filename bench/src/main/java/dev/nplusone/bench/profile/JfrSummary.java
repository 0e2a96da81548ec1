package dev.nplusone.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording of a benchmark fork and says who spends the CPU time and who allocates.
 *
 * <p>Each sample is charged to its <em>owner</em>: the innermost frame outside the JDK. Time a
 * {@code StackWalker} or a {@code HashMap} takes is so charged to the agent, datasource-proxy, H2
 * or HikariCP method that called it, which is the question a profile of the hot path must answer.
 */
public final class JfrSummary {

    private final Map<String, Double> cpuByOwner = new HashMap<>();
    private final Map<String, Double> allocationByOwner = new HashMap<>();
    private final Map<String, Double> allocationByOwnerAndClass = new HashMap<>();
    private double cpuTotal;
    private double allocationTotal;

    /**
     * Summarizes any recording, e.g. of the demo under load:
     * {@code java -cp nplusone-bench.jar dev.nplusone.bench.profile.JfrSummary app.jfr http-nio}.
     *
     * @param args the recording, then a part of the name of the threads to count
     */
    public static void main(String[] args) throws IOException {
        System.out.print(read(Path.of(args[0]), args[1]).text(-1, 20));
    }

    static JfrSummary read(Path recording, String threadNamePart) throws IOException {
        JfrSummary summary = new JfrSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            // An execution sample names the thread it sampled in a field of its own.
            RecordedThread thread = type.equals("jdk.ExecutionSample") ? event.getThread("sampledThread") : event.getThread();
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains(threadNamePart)) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                summary.cpu(event.getStackTrace());
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                summary.allocation(event.getStackTrace(), event.getLong("weight"), event.getClass("objectClass").getName());
            }
        }
        return summary;
    }

    private void cpu(RecordedStackTrace stack) {
        String owner = owner(stack);
        cpuByOwner.merge(owner, 1.0, Double::sum);
        cpuTotal++;
    }

    private void allocation(RecordedStackTrace stack, long weight, String allocated) {
        String owner = owner(stack);
        allocationByOwner.merge(owner, (double) weight, Double::sum);
        allocationByOwnerAndClass.merge(owner + " -> " + allocated, (double) weight, Double::sum);
        allocationTotal += weight;
    }

    private static String owner(RecordedStackTrace stack) {
        if (stack == null) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!isJdk(type)) {
                return shortName(type) + "." + frame.getMethod().getName();
            }
        }
        return frames.isEmpty() ? "(no frames)" : "JDK " + shortName(frames.get(0).getMethod().getType().getName());
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    /** Which part of the stack an owner belongs to. */
    static String component(String owner) {
        if (owner.startsWith("dsproxy.")) {
            return "datasource-proxy (inside the agent)";
        }
        if (owner.startsWith("nplusone.")) {
            return "agent";
        }
        if (owner.startsWith("h2.")) {
            return "H2";
        }
        if (owner.startsWith("hikari.")) {
            return "HikariCP";
        }
        return "harness and other";
    }

    // Shortened so the tables stay readable: the package prefixes tell nothing here.
    private static String shortName(String type) {
        return type.replace("dev.nplusone.shaded.dsproxy.", "dsproxy.")
                .replace("dev.nplusone.bench.", "bench.")
                .replace("dev.nplusone.", "nplusone.")
                .replace("com.zaxxer.hikari.", "hikari.")
                .replace("org.h2.", "h2.");
    }

    /** The summary as text: components, then the top owners, for CPU and for allocation. */
    String text(double bytesPerOperation, int top) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("CPU samples of the threads measured: %.0f%n", cpuTotal));
        section(out, "CPU by component", byComponent(cpuByOwner), cpuTotal, -1, top);
        section(out, "CPU by owner (innermost non-JDK frame)", cpuByOwner, cpuTotal, -1, top);
        out.append(String.format("%nAllocation: %.0f bytes sampled%s%n", allocationTotal,
                bytesPerOperation < 0 ? "" : String.format("; %.0f B per operation (JMH's GC profiler)", bytesPerOperation)));
        section(out, "allocation by component", byComponent(allocationByOwner), allocationTotal, bytesPerOperation, top);
        section(out, "allocation by owner and class", allocationByOwnerAndClass, allocationTotal, bytesPerOperation, top);
        return out.toString();
    }

    private static Map<String, Double> byComponent(Map<String, Double> byOwner) {
        Map<String, Double> out = new HashMap<>();
        byOwner.forEach((owner, value) -> out.merge(component(owner), value, Double::sum));
        return out;
    }

    private static void section(StringBuilder out, String title, Map<String, Double> values, double total,
                                double bytesPerOperation, int top) {
        out.append(String.format("%n%s:%n", title));
        values.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> {
                    double share = total == 0 ? 0 : e.getValue() / total;
                    String perOp = bytesPerOperation < 0 ? "" : String.format("  ~%5.0f B/op", share * bytesPerOperation);
                    out.append(String.format("  %5.1f%%%s  %s%n", share * 100, perOp, e.getKey()));
                });
    }
}

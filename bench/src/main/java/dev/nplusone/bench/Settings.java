package dev.nplusone.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to run and for how long. Quick mode checks that every part works and gives rough figures
 * (one round, short windows, the memory workloads at a quarter of their size) in about three
 * minutes; the full mode takes more rounds and longer windows, about fifteen.
 */
public final class Settings {

    public static final List<String> PARTS = List.of("statement", "stack", "request", "startup", "memory", "profile", "cpu");
    /** What runs without --only: everything but the profile, a tool for finding hot spots, and the CPU-time loop, for loaded machines. */
    static final List<String> DEFAULT_PARTS = PARTS.subList(0, 5);

    public final boolean quick;
    public final Path agentJar;
    public final Path demoJar;
    /** The OpenTelemetry Java agent, the APM beside which the agent is measured (bench/pom.xml copies it). */
    public final Path otelAgentJar;
    public final Path work;
    public final Set<String> parts;

    /** Rounds of the per-statement forks: every configuration once per round, in a rotating order. */
    public final int statementRounds;
    public final int jmhWarmups;
    public final int jmhIterations;
    public final int httpRounds;
    public final int httpWarmupSeconds;
    public final int httpSeconds;
    public final int httpConcurrency;
    public final int startupPairs;
    public final int demoStartPairs;

    private Settings(boolean quick, Path agentJar, Path demoJar, Path otelAgentJar, Path work, Set<String> parts, int rounds) {
        this.quick = quick;
        this.agentJar = agentJar;
        this.demoJar = demoJar;
        this.otelAgentJar = otelAgentJar;
        this.work = work;
        this.parts = parts;
        this.statementRounds = rounds > 0 ? rounds : quick ? 1 : 4;
        // Generous: with two cores shared with other work, the JIT compiler threads fall behind,
        // and the agent's path (proxies, stack walks) is long to compile.
        this.jmhWarmups = quick ? 4 : 6;
        this.jmhIterations = quick ? 3 : 5;
        // Even, so that as many rounds start the agent's JVM first as second: the second demo of a
        // round has been seen to run faster, whichever it is.
        this.httpRounds = quick ? 1 : 4;
        this.httpWarmupSeconds = quick ? 4 : 8;
        this.httpSeconds = quick ? 6 : 10;
        this.httpConcurrency = 2;
        this.startupPairs = quick ? 5 : 11;
        this.demoStartPairs = quick ? 1 : 2;
    }

    /**
     * {@code --quick}, {@code --agent PATH}, {@code --demo PATH}, {@code --otel PATH}, {@code --work DIR},
     * {@code --only part,part}, {@code --rounds N} (rounds of the per-statement forks, whatever the mode).
     */
    public static Settings parse(String[] args) {
        boolean quick = false;
        Path agent = Path.of("agent/target/nplusone-agent.jar");
        Path demo = Path.of("demo/target/nplusone-demo.jar");
        Path otel = Path.of("bench/target/opentelemetry-javaagent.jar");
        int rounds = 0;
        Path work = Path.of("bench/target/work");
        Set<String> parts = new LinkedHashSet<>(DEFAULT_PARTS);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--agent" -> agent = Path.of(value(args, ++i));
                case "--demo" -> demo = Path.of(value(args, ++i));
                case "--otel" -> otel = Path.of(value(args, ++i));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--work" -> work = Path.of(value(args, ++i));
                case "--only" -> {
                    parts = new LinkedHashSet<>(List.of(value(args, ++i).split(",")));
                    for (String p : parts) {
                        if (!PARTS.contains(p)) {
                            throw new IllegalArgumentException("unknown part '" + p + "'; parts: " + String.join(", ", PARTS));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; usage: [--quick] [--only " + String.join(",", PARTS) + "] [--rounds N] [--agent JAR] [--demo JAR] [--otel JAR] [--work DIR]");
            }
        }
        if (!Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("no agent jar at " + agent.toAbsolutePath() + " (build it: bench/run.sh does)");
        }
        if ((parts.contains("request") || parts.contains("startup")) && !Files.isRegularFile(demo)) {
            throw new IllegalArgumentException("no demo jar at " + demo.toAbsolutePath() + " (build it: bench/run.sh does)");
        }
        if ((parts.contains("statement") || parts.contains("cpu") || parts.contains("startup")) && !Files.isRegularFile(otel)) {
            throw new IllegalArgumentException("no OpenTelemetry agent at " + otel.toAbsolutePath() + " (the bench module's build copies it)");
        }
        return new Settings(quick, agent.toAbsolutePath(), demo.toAbsolutePath(), otel.toAbsolutePath(), work.toAbsolutePath(), parts, rounds);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /**
     * The {@code -javaagent} argument, with the agent's default options but its log in a file of
     * the work folder: the findings it logs are part of its cost, and must not flood the output.
     */
    public String agentArgument(String logName) {
        return "-javaagent:" + agentJar + "=log-file=" + work.resolve(logName);
    }

    /**
     * The OpenTelemetry Java agent with its defaults (every instrumentation it enables by default,
     * sampling every trace) but no exporter: what an APM user's JVM does, minus the network.
     */
    public List<String> otelArguments() {
        return List.of("-javaagent:" + otelAgentJar,
                "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
    }
}

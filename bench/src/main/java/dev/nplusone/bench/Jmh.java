package dev.nplusone.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one JMH benchmark method in one fresh fork and returns its score. Callers interleave forks
 * of different configurations themselves, so that a burst of load on the machine hits every
 * configuration of a round alike rather than all forks of one.
 */
public final class Jmh {

    /** Average time per operation, and bytes allocated per operation (JMH's GC profiler). */
    public record Score(double nanos, double bytes) {
    }

    private final int warmups;
    private final int iterations;

    public Jmh(Settings settings) {
        this(settings, settings.jmhWarmups, settings.jmhIterations);
    }

    public Jmh(Settings settings, int warmups, int iterations) {
        this.warmups = warmups;
        this.iterations = iterations;
    }

    /**
     * @param benchmark    the benchmark class
     * @param method       one of its benchmark methods
     * @param params       JMH parameters, name then value, may be empty
     * @param extraJvmArgs appended to the fork's options (the agent, system properties)
     */
    public Score run(Class<?> benchmark, String method, List<String> params, List<String> extraJvmArgs) throws RunnerException {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
        jvmArgs.addAll(extraJvmArgs);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + "." + method) + "$")
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        for (int i = 0; i + 1 < params.size(); i += 2) {
            options.param(params.get(i), params.get(i + 1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one result for " + method + ", got " + results.size());
        }
        RunResult result = results.iterator().next();
        return new Score(medianIteration(result), allocation(result.getSecondaryResults()));
    }

    /**
     * The median of the measurement iterations rather than their mean: on a shared machine one
     * iteration in which another process took the CPU (or the JIT compiler was still behind) would
     * otherwise move the whole fork's figure.
     */
    private static double medianIteration(RunResult result) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        return scores.isEmpty() ? result.getPrimaryResult().getScore() : Stats.median(scores);
    }

    private static double allocation(Map<String, Result> secondary) {
        for (Map.Entry<String, Result> e : secondary.entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}

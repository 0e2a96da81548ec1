package dev.nplusone.bench.stack;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Question 5: the two prices of a call site, measured on the agent's {@code CallSites} loaded from
 * the shipped jar (see {@link AgentJarLoader}), with no agent attached and no database, under
 * {@code depth} application frames of this class above JMH's own (about ten more).
 *
 * <ul>
 *   <li>{@link #fingerprint}: the hash of the first application frames, paid by every statement
 *       inside a scope that is not yet a trusted loop;</li>
 *   <li>{@link #fullStack}: the readable, filtered stack, paid once per new call site when its
 *       statement first repeats (the agent caches it per call site for the life of the JVM; each
 *       call here asks for a call site never seen, so none is served from the cache).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallSiteBenchmark {

    /** The system property that names the agent jar in the fork. */
    static final String AGENT_JAR = "nplusone.bench.agentJar";

    @Param({"4", "32"})
    public int depth;

    private MethodHandle fingerprint;
    private MethodHandle stack;
    private long unseen;

    @Setup(Level.Trial)
    public void load() throws Exception {
        ClassLoader loader = new AgentJarLoader(Path.of(System.getProperty(AGENT_JAR)));
        Class<?> filterType = loader.loadClass("dev.nplusone.detect.FrameFilter");
        Class<?> sitesType = loader.loadClass("dev.nplusone.detect.CallSites");
        Object filter = filterType.getConstructor(List.class, ClassLoader.class).newInstance(List.of(), loader);
        Object sites = sitesType.getConstructor(filterType).newInstance(filter);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        fingerprint = lookup.findVirtual(sitesType, "fingerprint", MethodType.methodType(long.class)).bindTo(sites);
        // Whatever the stack's type in this agent version: the benchmark only keeps it alive.
        stack = lookup.unreflect(sitesType.getMethod("stack", long.class)).bindTo(sites)
                .asType(MethodType.methodType(Object.class, long.class));
    }

    @Benchmark
    public long fingerprint() throws Throwable {
        return fingerprintBelow(depth);
    }

    @Benchmark
    public Object fullStack() throws Throwable {
        return stackBelow(depth);
    }

    private long fingerprintBelow(int frames) throws Throwable {
        return frames <= 1 ? (long) fingerprint.invokeExact() : fingerprintBelow(frames - 1);
    }

    private Object stackBelow(int frames) throws Throwable {
        return frames <= 1 ? (Object) stack.invokeExact(++unseen) : stackBelow(frames - 1);
    }
}

package dev.nplusone.bench.jdbc;

import dev.nplusone.api.NPlusOne;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One primary-key select through HikariCP per operation. Whether the agent is attached is decided
 * by the fork's JVM options ({@link PerStatement}), not here: {@link #statement} is configuration
 * (a) without the agent and (b) with it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatementBenchmark {

    @State(Scope.Thread)
    public static class Pool {
        Database database;
        DataSource pool;
        DataSource proxied;
        long next;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            database = new Database();
            pool = database.pool();
            proxied = database.proxiedPool();
        }

        /** Every row in turn: the same shape with differing parameters, as an N+1 loop runs it. */
        long nextId() {
            return next++ % Database.ROWS + 1;
        }

        @TearDown(Level.Trial)
        public void close() {
            database.close();
        }
    }

    /**
     * A scope open for a whole measurement iteration, on the benchmark thread (JMH runs a
     * thread-scoped state's set-up on the thread that uses it): a long loop inside one unit of
     * work, where the agent has settled into its steady state. Closing it, outside the measured
     * time, reports the loop's N+1 once.
     */
    @State(Scope.Thread)
    public static class OpenScope {
        NPlusOne.Scope scope;
        boolean flip;

        @Setup(Level.Iteration)
        public void open() {
            scope = NPlusOne.scope("bench loop");
        }

        @TearDown(Level.Iteration)
        public void close() {
            scope.close();
        }
    }

    /** The pool behind p6spy: a state of its own, so that no other fork loads p6spy. */
    @State(Scope.Thread)
    public static class P6Spied {
        DataSource source;

        @Setup(Level.Trial)
        public void open(Pool pool) {
            source = pool.database.p6spiedPool();
        }
    }

    /**
     * A span open for a whole measurement iteration, current on the benchmark thread: the server
     * span of a long request, under which the OpenTelemetry agent makes one client span per
     * statement. As {@link OpenScope} is for nplusone; without the OpenTelemetry agent, a no-op.
     */
    @State(Scope.Thread)
    public static class OpenSpan {
        Span span;
        io.opentelemetry.context.Scope current;

        @Setup(Level.Iteration)
        public void open() {
            span = GlobalOpenTelemetry.getTracer("nplusone-bench").spanBuilder("bench loop").startSpan();
            current = span.makeCurrent();
        }

        @TearDown(Level.Iteration)
        public void close() {
            current.close();
            span.end();
        }
    }

    /** (a) without the agent, (b) with it, outside any scope; with the OpenTelemetry agent, no parent span. */
    @Benchmark
    public String statement(Pool pool) throws SQLException {
        return Database.select(pool.pool, pool.nextId());
    }

    /** (c) with the agent, inside one long scope: one call site, one shape. */
    @Benchmark
    public String inScope(Pool pool, OpenScope scope) throws SQLException {
        return Database.select(pool.pool, pool.nextId());
    }

    /** (d) datasource-proxy alone around the pool, no agent. */
    @Benchmark
    public String datasourceProxy(Pool pool) throws SQLException {
        return Database.select(pool.proxied, pool.nextId());
    }

    /** (e) p6spy alone around the pool, no agent. */
    @Benchmark
    public String p6spy(Pool pool, P6Spied spied) throws SQLException {
        return Database.select(spied.source, pool.nextId());
    }

    /** (f) with the OpenTelemetry agent, inside one long parent span. */
    @Benchmark
    public String inSpan(Pool pool, OpenSpan span) throws SQLException {
        return Database.select(pool.pool, pool.nextId());
    }

    /**
     * Inside a scope, one shape from two call sites in turn: the agent never trusts the loop to
     * stay put, so it walks the stack for every statement. Against {@link #inScope} this prices
     * the call-site fingerprint where it really runs.
     */
    @Benchmark
    public String inScopeEveryStatementWalked(Pool pool, OpenScope scope) throws SQLException {
        scope.flip = !scope.flip;
        if (scope.flip) {
            return Database.select(pool.pool, pool.nextId());
        }
        return Database.select(pool.pool, pool.nextId());
    }

    /**
     * As {@link #inScopeEveryStatementWalked}, with {@value DeepStack#FRAMES} frames of other code
     * (the JDK's {@code Function.compose}, two frames a level) between the statement's application
     * frames and the benchmark method: the shape of a controller or a service under a web framework
     * and its container, whose stacks are 150 frames deep and more. Against
     * {@link #inScopeEveryStatementWalked}, what a walk pays for a deep stack.
     */
    @Benchmark
    public String inScopeEveryStatementWalkedDeep(Pool pool, OpenScope scope, DeepStack deep) {
        scope.flip = !scope.flip;
        return (scope.flip ? deep.one : deep.other).apply(pool.nextId());
    }

    /** Two call sites under {@value #FRAMES} frames of the JDK's code. */
    @State(Scope.Thread)
    public static class DeepStack {
        static final int FRAMES = 150;
        Function<Long, String> one;
        Function<Long, String> other;

        @Setup(Level.Trial)
        public void build(Pool pool) {
            one = deep(id -> select(pool.pool, id));
            other = deep(id -> select(pool.pool, id));
        }

        private static Function<Long, String> deep(Function<Long, String> site) {
            Function<Long, String> f = site;
            for (int i = 0; i < FRAMES / 2; i++) {
                f = f.compose(Function.identity());
            }
            return f;
        }

        private static String select(DataSource pool, long id) {
            try {
                return Database.select(pool, id);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A scope opened and closed around every statement: what a unit of work of one statement costs. */
    @Benchmark
    public String scopePerStatement(Pool pool) throws SQLException {
        try (NPlusOne.Scope scope = NPlusOne.scope("bench unit")) {
            return Database.select(pool.pool, pool.nextId());
        }
    }
}

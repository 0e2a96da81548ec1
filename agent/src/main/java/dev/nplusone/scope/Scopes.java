package dev.nplusone.scope;

import dev.nplusone.agent.Failures;
import dev.nplusone.detect.Attributor;
import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.Finding;
import dev.nplusone.detect.ScopeStatements;
import dev.nplusone.orm.HibernateAssociations;
import dev.nplusone.report.LogReport;
import dev.nplusone.report.Registry;
import dev.nplusone.shape.Shapes;

import java.util.List;

/**
 * The scopes open on each thread, and the statements recorded in them.
 *
 * <p>Each thread has its own stack of {@link Frame}s, so nothing here is shared between threads
 * but the {@link Registry} that scopes report to when they close. A statement counts in every
 * open frame of its thread; it is grouped for detection in the outermost one, so that an N+1
 * spread over many small nested scopes (one serialization per item, say) is still seen.
 */
public final class Scopes {

    /**
     * What the agent keeps per thread: the innermost open scope, the statement being executed, and
     * what it may be part of (read only when a statement repeats).
     */
    public static final class ThreadState {
        Frame innermost;
        /** The outermost execution in progress, so that stacked JDBC proxies count it once. */
        public Object executing;
        /** The ORM lazy load in progress (a Hibernate collection or proxy initializer), set by advice around it. */
        public Object lazyLoad;
        /** The JSON generator writing a value, set by advice around Jackson's serialization. */
        public Object jsonGenerator;

        public boolean inScope() {
            return innermost != null;
        }
    }

    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);
    private final Shapes shapes;
    private final CallSites callSites;
    private final Registry registry;
    private final LogReport log;
    private final int threshold;
    private final Attributor attributor = new StatementOrigins(threads, new HibernateAssociations());

    public Scopes(Shapes shapes, CallSites callSites, Registry registry, LogReport log, int threshold) {
        this.shapes = shapes;
        this.callSites = callSites;
        this.registry = registry;
        this.log = log;
        this.threshold = threshold;
    }

    public ThreadState thread() {
        return threads.get();
    }

    /** Opens a request scope, unless this thread already serves a request (forwards, includes, filters). */
    public Object openHttp(String method, String path) {
        ThreadState t = threads.get();
        if (t.innermost != null && t.innermost.within(Kind.HTTP)) {
            return null;
        }
        return push(t, Kind.HTTP, RouteNames.name(method, path));
    }

    /** Opens a serialization scope, unless one is already writing on this thread. */
    public Object openSerialization(Object rootValue) {
        ThreadState t = threads.get();
        if (t.innermost != null && t.innermost.kind == Kind.SERIALIZATION) {
            return null;
        }
        return push(t, Kind.SERIALIZATION, "serialize " + typeName(rootValue));
    }

    /**
     * Opens a scope of the given kind, unless the innermost open one has the same kind and name: a
     * test extension's scope around a test method, and the agent's own advice inside that method,
     * are one unit of work and must count as one instance.
     */
    public Object open(String kind, String name) {
        ThreadState t = threads.get();
        Kind k = Kind.of(kind);
        if (t.innermost != null && t.innermost.kind == k && t.innermost.name().equals(name)) {
            return null;
        }
        return push(t, k, name);
    }

    private Frame push(ThreadState t, Kind kind, String name) {
        Frame parent = t.innermost;
        Frame frame = new Frame(kind, name, parent, parent == null ? new ScopeStatements(callSites, threshold, attributor) : null);
        t.innermost = frame;
        return frame;
    }

    /** What one scope instance saw, for the code that opened it ({@code NPlusOne.Scope.result()}). */
    public static final class Closed {
        public final String kind;
        public final String name;
        /** Statements run on the thread while it was open, those of nested scopes included. */
        public final int statements;
        /** The findings detected in it; null for a nested scope, whose statements are checked with the outermost one. */
        public final List<Finding> findings;

        Closed(Frame frame, List<Finding> findings) {
            this.kind = frame.kind.json();
            this.name = frame.name();
            this.statements = frame.count;
            this.findings = findings;
        }
    }

    /**
     * Closes a scope and any scope opened inside it and left open. For an HTTP scope, {@code route}
     * is the framework's route template when it knows one.
     *
     * @return what the scope saw; null when the token is not a scope open on this thread
     */
    public Closed close(Object token, String route) {
        if (!(token instanceof Frame)) {
            return null;
        }
        Frame frame = (Frame) token;
        ThreadState t = threads.get();
        if (!isOpen(t, frame)) {
            Failures.once("scope-thread", "scope '" + frame.name() + "' was closed on a thread that did not open it; its statements are counted, its findings lost");
            return null;
        }
        while (t.innermost != frame) {
            finish(t.innermost);
            t.innermost = t.innermost.parent;
        }
        if (route != null && frame.kind == Kind.HTTP) {
            String name = frame.name();
            frame.rename(name.substring(0, name.indexOf(' ') + 1) + route);
        }
        t.innermost = frame.parent;
        return new Closed(frame, finish(frame));
    }

    private static boolean isOpen(ThreadState t, Frame frame) {
        for (Frame f = t.innermost; f != null; f = f.parent) {
            if (f == frame) {
                return true;
            }
        }
        return false;
    }

    /** Reports a closing scope; returns its findings, or null when it is nested (detection runs over the outermost). */
    private List<Finding> finish(Frame frame) {
        registry.scopeClosed(frame.kind.json(), frame.name(), frame.count);
        if (!frame.isOutermost()) {
            return null;
        }
        List<Finding> findings = frame.statements.findings();
        for (Finding finding : findings) {
            registry.add(finding, log::found);
        }
        return findings;
    }

    /**
     * Records one statement executed on this thread inside a scope.
     *
     * @param statementKey equal for two executions of the same SQL with the same parameter values
     * @param parameters   printable values, or null unless the user asked for them
     */
    public void statement(ThreadState t, String sql, long statementKey, long nanos, String parameters) {
        Frame innermost = t.innermost;
        for (Frame f = innermost; f != null; f = f.parent) {
            f.count++;
        }
        String shape = shapes.of(sql);
        innermost.statements.add(shape, statementKey, innermost, nanos, parameters);
        if (log.logsStatements()) {
            log.statement(innermost.names(), shape, parameters);
        }
    }

    /**
     * The simple name of the root value's class, without the suffixes of generated subclasses; for
     * the JDK's hidden collection classes ({@code List.of(...)}'s ListN), the interface instead.
     */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        Class<?> type = value.getClass();
        if (type.getName().startsWith("java.") && !java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
            for (Class<?> face : new Class<?>[] {java.util.List.class, java.util.Set.class, java.util.Map.class, java.util.Collection.class}) {
                if (face.isInstance(value)) {
                    return face.getSimpleName();
                }
            }
        }
        String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        int generated = name.indexOf("$$");
        if (generated < 0) {
            generated = name.indexOf("$HibernateProxy");
        }
        return generated > 0 ? name.substring(0, generated) : name;
    }
}

package dev.nplusone.scope;

import dev.nplusone.detect.Finding;
import dev.nplusone.failure.Failures;
import dev.nplusone.reflect.GeneratedClasses;
import dev.nplusone.shape.Shapes;

import java.util.List;

/**
 * The scopes open on each thread: a stack per thread, and nothing else.
 *
 * <p>Each thread has its own stack of {@link Frame}s, so nothing here is shared between threads. A
 * statement counts in every open frame of its thread; it is grouped for detection in the outermost
 * one, so that an N+1 spread over many small nested scopes (one serialization per item, say) is
 * still seen. What detection is ({@link Detection}) and where results go ({@link ScopeSink}) are
 * given by the agent.
 */
public final class Scopes {

    private final ThreadStates threads;
    private final Shapes shapes;
    private final Detection detection;
    private final ScopeSink sink;

    public Scopes(ThreadStates threads, Shapes shapes, Detection detection, ScopeSink sink) {
        this.threads = threads;
        this.shapes = shapes;
        this.detection = detection;
        this.sink = sink;
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
        Frame frame = new Frame(kind, name, parent, parent == null ? detection.start() : null);
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
        sink.scopeClosed(frame.kind.json(), frame.name(), frame.count);
        if (!frame.isOutermost()) {
            return null;
        }
        List<Finding> findings = frame.statements.findings();
        sink.findings(findings);
        return findings;
    }

    /** Counts a statement executed outside any scope. */
    public void unscoped() {
        sink.statement(false);
    }

    /**
     * Records one statement executed on this thread inside a scope.
     *
     * @param statementKey equal for two executions of the same SQL with the same parameter values
     * @param parameters   printable values, or null unless the user asked for them
     */
    public void statement(ThreadState t, String sql, long statementKey, long nanos, String parameters) {
        sink.statement(true);
        Frame innermost = t.innermost;
        for (Frame f = innermost; f != null; f = f.parent) {
            f.count++;
        }
        String shape = shapes.of(sql);
        if (innermost.statements.add(shape, statementKey, innermost, nanos, parameters)) {
            Frame outermost = innermost;
            while (outermost.parent != null) {
                outermost = outermost.parent;
            }
            sink.detailCapped(innermost.names(), outermost.count);
        }
        if (sink.wantsShapes()) {
            sink.statementShape(innermost.names(), shape, parameters);
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
        return GeneratedClasses.userName(type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName());
    }
}

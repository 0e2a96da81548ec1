package dev.nplusone.scope;

import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.Finding;
import dev.nplusone.detect.ScopeStatements;
import dev.nplusone.detect.Submission;
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
 *
 * <p>A scope may also be taken along by work the thread hands to others ({@link #handoff}, entered
 * around each task by {@link #enter} and {@link #restore}; see {@code docs/threads.md}): such a
 * scope instance is shared, and its counts and detail are kept under its outermost frame's lock.
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
        if (t.inherited) {
            leave(t); // a thread serving requests of its own is a pool's, whatever scope it was created in
        }
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
        if (t.inherited && t.innermost.root.closed) {
            leave(t); // what the thread was created in is over: this is a unit of work of its own
        }
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

    private static void leave(ThreadState t) {
        t.innermost = null;
        t.origin = null;
        t.inherited = false;
    }

    /**
     * This thread's scope, for a task or a thread created here to take along; null outside any
     * scope. From now on the scope instance may be reached from other threads.
     *
     * @param origin where the task is created, for the call sites of its statements
     */
    public Handoff handoff(ThreadState t, Submission origin) {
        Frame frame = t.innermost;
        if (frame == null) {
            return null;
        }
        frame.root.shared = true;
        return new Handoff(frame, origin, false);
    }

    /** As {@link #handoff(ThreadState, Submission)}, taking where the work is created from the thread's recent submissions. */
    public Handoff handoff(ThreadState t, CallSites callSites) {
        Frame frame = t.innermost;
        return frame == null ? null : handoff(t, t.submissions().here(callSites, t.origin, frame));
    }

    /** Makes a handoff this thread's scope, for the run of one task; returns what it replaced, for {@link #restore}. */
    public Handoff enter(Handoff handoff) {
        ThreadState t = threads.get();
        Handoff previous = t.innermost == null && t.origin == null && !t.inherited ? Handoff.NONE
                : new Handoff(t.innermost, t.origin, t.inherited);
        t.innermost = handoff.frame;
        t.origin = handoff.origin;
        t.inherited = false;
        return previous;
    }

    /** Puts back exactly what {@link #enter} replaced: scopes the task left open on this thread are forgotten. */
    public void restore(Handoff previous) {
        ThreadState t = threads.get();
        t.innermost = previous.frame;
        t.origin = previous.origin;
        t.inherited = previous.inherited;
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
        Frame root = frame.root;
        if (!root.shared) {
            return closeOn(t, frame, route);
        }
        synchronized (root) {
            return frame.closed ? null : closeOn(t, frame, route);
        }
    }

    private Closed closeOn(ThreadState t, Frame frame, String route) {
        closeNestedIn(t, frame);
        rename(frame, route);
        t.innermost = frame.parent;
        if (t.innermost == null) {
            leave(t);
        }
        return new Closed(frame, finish(frame));
    }

    private void closeNestedIn(ThreadState t, Frame frame) {
        while (t.innermost != frame) {
            finish(t.innermost);
            t.innermost = t.innermost.parent;
        }
    }

    private static void rename(Frame frame, String route) {
        if (route != null && frame.kind == Kind.HTTP) {
            String name = frame.name();
            frame.rename(name.substring(0, name.indexOf(' ') + 1) + route);
        }
    }

    /**
     * Takes an outermost scope off this thread without closing it: a request gone asynchronous,
     * whose response other threads complete. It stays open until {@link #end}, reachable by the
     * tasks that took it along.
     *
     * @return false when the token is not the outermost scope open on this thread
     */
    public boolean suspend(Object token, String route) {
        if (!(token instanceof Frame)) {
            return false;
        }
        Frame frame = (Frame) token;
        ThreadState t = threads.get();
        if (frame.parent != null || frame.closed || !isOpen(t, frame)) {
            return false;
        }
        frame.shared = true;
        synchronized (frame) {
            closeNestedIn(t, frame);
            rename(frame, route);
            frame.suspended = true;
        }
        leave(t);
        return true;
    }

    /**
     * Makes a scope that {@link #suspend} took off its thread this thread's again, as a task's
     * (an asynchronous dispatch of its request); null when it is not suspended, or closed.
     */
    public Handoff resume(Object token) {
        if (!(token instanceof Frame) || !((Frame) token).suspended || ((Frame) token).closed) {
            return null;
        }
        return enter(new Handoff((Frame) token, null, false));
    }

    /** Closes a scope that {@link #suspend} took off its thread, from whatever thread; once. */
    public void end(Object token) {
        if (!(token instanceof Frame)) {
            return;
        }
        Frame frame = (Frame) token;
        synchronized (frame) {
            if (frame.suspended && !frame.closed) {
                finish(frame);
            }
        }
    }

    private static boolean isOpen(ThreadState t, Frame frame) {
        for (Frame f = t.innermost; f != null; f = f.parent) {
            if (f == frame) {
                return !frame.closed;
            }
        }
        return false;
    }

    /** Reports a closing scope; returns its findings, or null when it is nested (detection runs over the outermost). */
    private List<Finding> finish(Frame frame) {
        frame.closed = true;
        sink.scopeClosed(frame.kind.json(), frame.name(), frame.count);
        if (!frame.isOutermost()) {
            return null;
        }
        List<Finding> findings = frame.release();
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
        Frame root = innermost.root;
        if (!root.shared) {
            record(t, innermost, sql, statementKey, nanos, parameters);
            return;
        }
        synchronized (root) {
            record(t, innermost, sql, statementKey, nanos, parameters);
        }
    }

    /**
     * Counts a statement in each scope of its path, or as late in those already closed (a task that
     * outlived its request); the detail goes to detection only while the outermost is open.
     */
    private void record(ThreadState t, Frame innermost, String sql, long statementKey, long nanos, String parameters) {
        for (Frame f = innermost; f != null; f = f.parent) {
            if (f.closed) {
                sink.late(f.kind.json(), f.name());
            } else {
                f.count++;
            }
        }
        ScopeStatements statements = innermost.statements();
        if (statements == null) {
            return;
        }
        String shape = shapes.of(sql);
        if (statements.add(shape, statementKey, innermost, nanos, parameters, t.origin)) {
            sink.detailCapped(innermost.names(), innermost.root.count);
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

package dev.nplusone.scope;

import dev.nplusone.detect.Submission;

/**
 * What the agent keeps per thread: the innermost open scope, the statement being executed, and
 * what it may be part of (the ORM lazy load and the JSON generator, set by advice around them and
 * read only when a statement repeats). Confined to its thread: nothing here is shared or locked.
 */
public final class ThreadState {

    Frame innermost;
    /** Where the task this thread runs was submitted, while it runs in a scope taken from another thread; else null. */
    Submission origin;
    /** Whether {@link #innermost} came with the thread, inherited from the thread that created it. */
    boolean inherited;
    /** Set while a pool creates one of its own threads here: such a thread inherits no scope. */
    boolean creatingPoolThread;
    /** Where this thread last handed work to others, made on first use. */
    private Submission.Recent submissions;
    private Object executing;
    private Object lazyLoad;
    private Object jsonGenerator;

    public boolean inScope() {
        return innermost != null;
    }

    /** Where the task running on this thread was submitted, or null when it runs in a scope of its own thread. */
    public Submission origin() {
        return origin;
    }

    /** Where this thread handed work to others lately (see {@link Submission.Recent}). */
    public Submission.Recent submissions() {
        if (submissions == null) {
            submissions = new Submission.Recent();
        }
        return submissions;
    }

    /** Marks (or unmarks) a pool creating one of its threads here; returns the mark before, to put back. */
    public boolean creatingPoolThread(boolean creating) {
        boolean before = creatingPoolThread;
        creatingPoolThread = creating;
        return before;
    }

    /** Marks a statement's execution as started, unless one is already (stacked JDBC proxies see it twice). */
    public void executionStarts(Object execution) {
        if (executing == null) {
            executing = execution;
        }
    }

    /** Whether this ends the outermost execution in progress; an inner proxy's end changes nothing. */
    public boolean executionEnds(Object execution) {
        if (executing != execution) {
            return false;
        }
        executing = null;
        return true;
    }

    /** The ORM lazy load in progress (a Hibernate collection or proxy initializer), or null. */
    public Object lazyLoad() {
        return lazyLoad;
    }

    /** Sets the lazy load in progress; returns the one it interrupts, for the advice to restore. */
    public Object swapLazyLoad(Object loading) {
        Object previous = lazyLoad;
        lazyLoad = loading;
        return previous;
    }

    /** The JSON generator writing a value, or null. */
    public Object jsonGenerator() {
        return jsonGenerator;
    }

    /** Sets the generator writing; returns the one it interrupts, for the advice to restore. */
    public Object swapJsonGenerator(Object generator) {
        Object previous = jsonGenerator;
        jsonGenerator = generator;
        return previous;
    }
}

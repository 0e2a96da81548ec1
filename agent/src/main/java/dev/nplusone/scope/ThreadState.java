package dev.nplusone.scope;

/**
 * What the agent keeps per thread: the innermost open scope, the statement being executed, and
 * what it may be part of (the ORM lazy load and the JSON generator, set by advice around them and
 * read only when a statement repeats). Confined to its thread: nothing here is shared or locked.
 */
public final class ThreadState {

    Frame innermost;
    private Object executing;
    private Object lazyLoad;
    private Object jsonGenerator;

    public boolean inScope() {
        return innermost != null;
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

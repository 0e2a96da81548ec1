package dev.nplusone.detect;

import dev.nplusone.orm.Association;

/**
 * Tells {@link ScopeStatements} what the statement executing on this thread belongs to. The costly
 * part, {@link #attribute()}, is asked only when a call site repeats; the per-statement path asks
 * nothing of it.
 */
public interface Attributor {

    /** For scopes without ORM or serializer knowledge, and for tests. */
    Attributor NONE = new Attributor() {
        @Override
        public Object lazyLoad() {
            return null;
        }

        @Override
        public Attribution attribute() {
            return Attribution.NONE;
        }

        @Override
        public Association association(Object lazyLoad) {
            return null;
        }
    };

    /**
     * The lazy load in progress on this thread, as a token for {@link #association(Object)}; null
     * when none. Asked once for each new shape in a scope: it must cost no more than a field read.
     */
    Object lazyLoad();

    /** The association and JSON path of the statement executing now. Never null. */
    Attribution attribute();

    /**
     * The association a token of {@link #lazyLoad()} stands for, or null when not known. Asked when
     * an outermost scope closes, for the statements that ran just before an N+1.
     */
    Association association(Object lazyLoad);
}

package dev.nplusone.scope;

import dev.nplusone.failure.Failures;
import dev.nplusone.orm.Association;
import dev.nplusone.detect.Attribution;
import dev.nplusone.detect.Attributor;
import dev.nplusone.orm.Orm;
import dev.nplusone.scope.serialization.JsonPaths;

import java.util.List;

/**
 * What a statement on this thread belongs to, from what advice marked in its {@link ThreadState}:
 * the ORM lazy load in progress, named by the ORM whose it is, and the Jackson generator writing.
 * The JSON position also tells which to-one holds a proxy when the mapping alone cannot.
 */
public final class StatementOrigins implements Attributor {

    private final ThreadStates threads;
    private final List<Orm> orms;

    public StatementOrigins(ThreadStates threads, List<Orm> orms) {
        this.threads = threads;
        this.orms = List.copyOf(orms);
    }

    @Override
    public Object lazyLoad() {
        return threads.get().lazyLoad();
    }

    @Override
    public Attribution attribute() {
        ThreadState thread = threads.get();
        Object loading = thread.lazyLoad();
        Object generator = thread.jsonGenerator();
        if (loading == null && generator == null) {
            return Attribution.NONE;
        }
        JsonPaths.Position at = null;
        if (generator != null) {
            try {
                at = JsonPaths.locate(generator, value -> isProxyOf(value, loading));
            } catch (Throwable failure) {
                Failures.caught("reading the JSON path", failure);
            }
        }
        Association association = at == null ? describe(loading, null, null) : describe(loading, at.holder(), at.property());
        return new Attribution(association, at == null ? null : at.path());
    }

    @Override
    public Association association(Object lazyLoad) {
        return describe(lazyLoad, null, null);
    }

    private Association describe(Object lazyLoad, Object holder, String property) {
        if (lazyLoad == null) {
            return null;
        }
        for (Orm orm : orms) {
            Association association = orm.describe(lazyLoad, holder, property);
            if (association != null) {
                return association;
            }
        }
        return null;
    }

    private boolean isProxyOf(Object value, Object lazyLoad) {
        for (Orm orm : orms) {
            if (orm.isProxyOf(value, lazyLoad)) {
                return true;
            }
        }
        return false;
    }
}

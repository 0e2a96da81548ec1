package dev.nplusone.scope;

import dev.nplusone.agent.Failures;
import dev.nplusone.detect.Association;
import dev.nplusone.detect.Attribution;
import dev.nplusone.detect.Attributor;
import dev.nplusone.orm.HibernateAssociations;
import dev.nplusone.scope.serialization.JsonPaths;

/**
 * What a statement on this thread belongs to, from what advice marked in its {@link Scopes.ThreadState}:
 * the Hibernate lazy load in progress and the Jackson generator writing. The JSON position also tells
 * which to-one holds a proxy when the mapping alone cannot.
 */
final class StatementOrigins implements Attributor {

    private final ThreadLocal<Scopes.ThreadState> threads;
    private final HibernateAssociations associations;

    StatementOrigins(ThreadLocal<Scopes.ThreadState> threads, HibernateAssociations associations) {
        this.threads = threads;
        this.associations = associations;
    }

    @Override
    public Object lazyLoad() {
        return threads.get().lazyLoad;
    }

    @Override
    public Attribution attribute() {
        Scopes.ThreadState thread = threads.get();
        Object loading = thread.lazyLoad;
        Object generator = thread.jsonGenerator;
        if (loading == null && generator == null) {
            return Attribution.NONE;
        }
        JsonPaths.Position at = null;
        if (generator != null) {
            try {
                at = JsonPaths.locate(generator, value -> associations.isProxyOf(value, loading));
            } catch (Throwable failure) {
                Failures.caught("reading the JSON path", failure);
            }
        }
        Association association = at == null
                ? associations.describe(loading, null, null)
                : associations.describe(loading, at.holder(), at.property());
        return new Attribution(association, at == null ? null : at.path());
    }

    @Override
    public Association association(Object lazyLoad) {
        return associations.describe(lazyLoad, null, null);
    }
}

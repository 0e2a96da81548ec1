package dev.nplusone.orm;

import dev.nplusone.hook.Hook;

/**
 * One ORM's part in a finding. Its advice marks, per thread, the lazy load in progress (a token of
 * its own: a collection, a proxy's initializer); this names the association behind such a token,
 * tells its proxies from the entities they stand for, and words the fix in the ORM's own terms.
 *
 * <p>An ORM is a plug-in: a package with an implementation of this, the advice that marks its lazy
 * loads and their {@link Hook}, registered with one line in the agent's list of plug-ins. Asked only when a statement repeats, never on the per-statement path; never throws.
 */
public interface Orm {

    /** The instrumentation that marks this ORM's lazy loads in progress (through the bridge's lazy-load mark). */
    Hook hook();

    /**
     * The association a lazy load stands for; null when the token is not this ORM's or cannot be read.
     *
     * @param holder   the object a serializer was writing a property of, to tell which to-one holds a
     *                 proxy when several could; null when none
     * @param property that property's name; null when none
     */
    Association describe(Object lazyLoad, Object holder, String property);

    /** Whether {@code value} is the proxy that the lazy load initializes: what a serializer writes is then the association itself. */
    boolean isProxyOf(Object value, Object lazyLoad);

    /**
     * The prefix of the methods this ORM adds to the application's entities when it enhances or
     * weaves them ({@code $$_hibernate_}, {@code _persistence_}): frames of those are the ORM's, not
     * the application's; null when it adds none.
     */
    String generatedMethodPrefix();

    /**
     * Whether a class is this ORM's own: when a statement has no application frame on its stack (a
     * serializer or a template iterating a lazy collection), the readable stack starts below the
     * ORM and the pool, at the code that called into them.
     */
    boolean isOwnClass(Class<?> type);

    /**
     * The one-line fix for an association loaded once per parent.
     *
     * @param fetchFrom the entity whose query should fetch it: its owner, or the entity at the root of
     *                  the lazy loads that brought the owners
     * @param fetchPath the association's attribute path from {@code fetchFrom} ({@code attendees.organization})
     */
    String fix(Association association, String fetchFrom, String fetchPath);
}

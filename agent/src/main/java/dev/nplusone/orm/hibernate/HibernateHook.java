package dev.nplusone.orm.hibernate;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Hibernate's lazy loads: its collections and its to-one proxies' initializer. The advice reads the
 * {@code initialized} field, so a type without one (another version's layout) is left alone.
 */
final class HibernateHook implements Hook {

    /** Where Hibernate loads a lazy collection: 6 and 7, then 5. */
    static final String[] COLLECTIONS = {
        "org.hibernate.collection.spi.AbstractPersistentCollection", "org.hibernate.collection.internal.AbstractPersistentCollection",
    };
    /** The methods of those that load it; each returns at once when it is loaded. */
    static final String[] COLLECTION_LOADS = {
        "initialize", "forceInitialization", "readSize", "readIndexExistence", "readElementExistence", "readElementByIndex",
    };
    /** Where a Hibernate to-one proxy loads its entity. */
    static final String PROXY_INITIALIZER = "org.hibernate.proxy.AbstractLazyInitializer";

    @Override
    public ClassSieve sieve() {
        return ClassSieve.named(COLLECTIONS).or(ClassSieve.named(PROXY_INITIALIZER));
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(namedOneOf(COLLECTIONS).and(declaresField(named("initialized"))))
                .transform(advice.advice(namedOneOf(COLLECTION_LOADS).and(not(isAbstract())).and(not(isStatic())),
                        CollectionLoadAdvice.class.getName()))
                .type(named(PROXY_INITIALIZER).and(declaresField(named("initialized"))))
                .transform(advice.advice(named("initialize").and(takesArguments(0)), ProxyLoadAdvice.class.getName()));
    }
}

package dev.nplusone.orm.eclipselink;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * EclipseLink's lazy loads: the one method through which its database value holders load. The
 * advice reads the {@code isInstantiated} field, so a class without one (a layout it was not
 * written for) is left alone.
 */
final class EclipseLinkHook implements Hook {

    /** The base of every value holder that loads from the database (query-based, unit-of-work, batch). */
    static final String DATABASE_VALUE_HOLDER = "org.eclipse.persistence.internal.indirection.DatabaseValueHolder";

    @Override
    public ClassSieve sieve() {
        return ClassSieve.named(DATABASE_VALUE_HOLDER);
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(named(DATABASE_VALUE_HOLDER).and(declaresField(named("isInstantiated"))))
                .transform(advice.advice(named("getValue").and(takesArguments(0)), ValueHolderLoadAdvice.class.getName()));
    }
}

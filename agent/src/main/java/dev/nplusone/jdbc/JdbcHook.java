package dev.nplusone.jdbc;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import dev.nplusone.hook.Matchers;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/** Every connection handed out by a {@code DataSource} or made by a {@code Driver}: {@link ConnectionAdvice} wraps it. */
public final class JdbcHook implements Hook {

    @Override
    public ClassSieve sieve() {
        return ClassSieve.declaring("getConnection", "connect");
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(Matchers.implementing("javax.sql.DataSource", "getConnection"))
                .transform(advice.advice(getConnection(), ConnectionAdvice.class.getName()))
                .type(Matchers.implementing("java.sql.Driver", "connect"))
                .transform(advice.advice(connect(), ConnectionAdvice.class.getName()));
    }

    private static ElementMatcher.Junction<MethodDescription> getConnection() {
        return named("getConnection").and(not(isAbstract()))
                .and(takesArguments(0).or(takesArguments(String.class, String.class)))
                .and(returns(named("java.sql.Connection")));
    }

    private static ElementMatcher.Junction<MethodDescription> connect() {
        return named("connect").and(not(isAbstract()))
                .and(takesArguments(2)).and(takesArgument(0, String.class))
                .and(returns(named("java.sql.Connection")));
    }
}

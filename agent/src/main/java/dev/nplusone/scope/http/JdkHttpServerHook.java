package dev.nplusone.scope.http;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/** The JDK's HTTP server: its filter chain runs every exchange, handlers being often lambdas that cannot be instrumented. */
public final class JdkHttpServerHook implements Hook {

    static final String CHAIN = "com.sun.net.httpserver.Filter$Chain";

    @Override
    public ClassSieve sieve() {
        return ClassSieve.named(CHAIN);
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(named(CHAIN))
                .transform(advice.advice(named("doFilter").and(takesArguments(1)), JdkHttpServerAdvice.class.getName()));
    }

    @Override
    public List<String> jdkClasses() {
        return List.of(CHAIN);
    }
}

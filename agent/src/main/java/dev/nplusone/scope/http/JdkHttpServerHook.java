package dev.nplusone.scope.http;

import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The JDK's HTTP server: its filter chain runs every exchange, handlers being often lambdas that
 * cannot be instrumented; its own exchange says when a response that outlived the handler is written.
 */
public final class JdkHttpServerHook implements Hook {

    static final String CHAIN = "com.sun.net.httpserver.Filter$Chain";
    /** The server's own exchange, where a response is known to be written (see JdkExchangeEndAdvice). */
    static final String EXCHANGE = "sun.net.httpserver.ExchangeImpl";

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(named(CHAIN))
                .transform(advice.advice(named("doFilter").and(takesArguments(1)), JdkHttpServerAdvice.class.getName()))
                .type(named(EXCHANGE))
                .transform(advice.advice(named("close").and(takesArguments(0)).or(named("getOriginalInputStream")),
                        JdkExchangeEndAdvice.class.getName()));
    }

    @Override
    public List<String> jdkClasses() {
        return List.of(CHAIN, EXCHANGE);
    }
}

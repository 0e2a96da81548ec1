package dev.nplusone.hook;

import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.List;

/**
 * One library's instrumentation: the types it matches and the advice it inlines into their
 * methods. Each lives next to its advice, in the package of what it hooks (JDBC, servlets, the
 * JDK's HTTP server, Jackson, test frameworks, an ORM); the agent registers them all in one list
 * and applies them with its shared settings (retransformation, failure listeners, what is never
 * touched).
 */
public interface Hook {

    /**
     * Adds this hook's transformations.
     *
     * @param agent  the builder so far
     * @param advice makes advice transformers; advice classes are named, and found in the agent's loader
     * @return the builder with this hook's types and advice added
     */
    AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice);

    /**
     * Classes of the JDK that this hook instruments. The agent leaves the JDK alone but for these
     * (the JDK's HTTP server calls its filter chain for every exchange).
     */
    default List<String> jdkClasses() {
        return List.of();
    }
}

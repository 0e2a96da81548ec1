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
     * The classes this hook's type matchers could match, told from a class's name and the strings
     * of its class file: a necessary condition of {@link #install}'s matchers. Every class the JVM
     * loads is first put through the hooks' sieves, with the JDK alone, and only a class that one
     * of them lets through reaches Byte Buddy; Byte Buddy itself is loaded when the first does.
     * A class refused here is never instrumented, so a sieve must let through every class the
     * matchers accept ({@code HookSievesTest} checks this over thousands of library classes).
     */
    ClassSieve sieve();

    /**
     * Classes of the JDK that this hook instruments. The agent leaves the JDK alone but for these
     * and for the classes the hooks' sieves name (the JDK's HTTP server calls its filter chain for
     * every exchange).
     */
    default List<String> jdkClasses() {
        return List.of();
    }
}

package dev.nplusone.scope.test;

import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Every test method of JUnit 5, JUnit 4 and TestNG is a scope of kind {@code test}. */
public final class TestMethodHook implements Hook {

    /** What marks a test method, in the frameworks whose tests become scopes. */
    static final String[] TEST_ANNOTATIONS = {
        "org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.params.ParameterizedTest",
        "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate", "org.junit.Test", "org.testng.annotations.Test",
    };

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(not(isInterface()).and(declaresMethod(isAnnotatedWith(namedOneOf(TEST_ANNOTATIONS)))))
                .transform(advice.advice(isAnnotatedWith(namedOneOf(TEST_ANNOTATIONS)).and(not(isAbstract())),
                        TestMethodAdvice.class.getName()));
    }
}

package dev.nplusone.scope.test;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Every test method of JUnit 5, JUnit 4 and TestNG is a scope of kind {@code test} (interfaces too:
 * JUnit 5 runs their default methods). JUnit Jupiter names each invocation, and runs dynamic tests,
 * in its descriptors: {@link JupiterAdvice} reads the name there.
 */
public final class TestMethodHook implements Hook {

    /** What marks a test method, in the frameworks whose tests become scopes. */
    static final String[] TEST_ANNOTATIONS = {
        "org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.params.ParameterizedTest",
        "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate", "org.junit.Test", "org.testng.annotations.Test",
    };

    /** Where JUnit Jupiter (5.x and 6.x) keeps the descriptors that run one test invocation. */
    static final String JUPITER_DESCRIPTORS = "org.junit.jupiter.engine.descriptor.";

    @Override
    public ClassSieve sieve() {
        return ClassSieve.annotatedWith(TEST_ANNOTATIONS)
                .or(ClassSieve.named(JUPITER_DESCRIPTORS + "TestMethodTestDescriptor", JUPITER_DESCRIPTORS + "DynamicTestTestDescriptor"));
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(declaresMethod(isAnnotatedWith(namedOneOf(TEST_ANNOTATIONS))))
                .transform(advice.advice(isAnnotatedWith(namedOneOf(TEST_ANNOTATIONS)).and(not(isAbstract())),
                        TestMethodAdvice.class.getName()))
                .type(named(JUPITER_DESCRIPTORS + "TestMethodTestDescriptor"))
                .transform(advice.advice(named("invokeTestMethod").and(takesArguments(2)), JupiterAdvice.class.getName()))
                .type(named(JUPITER_DESCRIPTORS + "DynamicTestTestDescriptor"))
                .transform(advice.advice(named("execute").and(takesArguments(2))
                        .and(takesArgument(0, named("org.junit.jupiter.engine.execution.JupiterEngineExecutionContext"))),
                        JupiterAdvice.class.getName()));
    }
}

package dev.nplusone.scope.job;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import dev.nplusone.hook.Matchers;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Scheduled jobs: Spring's {@code @Scheduled} methods and Quartz jobs. Each run is a scope of kind
 * {@code job}, so an N+1 in a job is found without the application opening a scope itself.
 */
public final class JobHook implements Hook {

    /**
     * What Spring's scheduler runs for every {@code @Scheduled} method (any trigger, any
     * scheduler): it holds the bean and the method. The advice reads both fields, so a version
     * without them is left alone.
     */
    static final String SPRING_SCHEDULED = "org.springframework.scheduling.support.ScheduledMethodRunnable";
    static final String QUARTZ_JOB = "org.quartz.Job";

    @Override
    public ClassSieve sieve() {
        return ClassSieve.named(SPRING_SCHEDULED).or(ClassSieve.declaring("execute"));
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(named(SPRING_SCHEDULED).and(declaresField(named("target"))).and(declaresField(named("method"))))
                .transform(advice.advice(named("run").and(takesArguments(0)), ScheduledMethodAdvice.class.getName()))
                .type(Matchers.implementing(QUARTZ_JOB, "execute"))
                .transform(advice.advice(named("execute").and(not(isAbstract())).and(takesArguments(1))
                        .and(takesArgument(0, named("org.quartz.JobExecutionContext"))), QuartzJobAdvice.class.getName()));
    }
}

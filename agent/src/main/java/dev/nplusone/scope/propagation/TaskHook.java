package dev.nplusone.scope.propagation;

import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.List;
import java.util.concurrent.Callable;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The JDK's executors and fork/join tasks, where work leaves the thread that created it: pools
 * ({@code ThreadPoolExecutor}, one-shot tasks of {@code ScheduledThreadPoolExecutor}) and
 * fork/join ({@code ForkJoinPool}, its common pool, parallel streams, {@code CompletableFuture}).
 * Threads created inside a scope (virtual ones included) inherit it without advice (see
 * {@code ThreadStates}). These classes are loaded before any agent: advice only, retransformed.
 */
public final class TaskHook implements Hook {

    static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
    static final String SCHEDULED_POOL = "java.util.concurrent.ScheduledThreadPoolExecutor";
    static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";
    static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(named(THREAD_POOL))
                .transform(advice
                        .advice(named("execute").and(takesArguments(Runnable.class)), ExecuteAdvice.class.getName())
                        .advice(named("addWorker"), PoolThreadAdvice.class.getName()))
                .type(named(SCHEDULED_POOL))
                .transform(advice.advice(named("schedule").and(takesArguments(3))
                        .and(takesArgument(0, Runnable.class).or(takesArgument(0, Callable.class))), ScheduleAdvice.class.getName()))
                .type(named(FORK_JOIN_POOL))
                .transform(advice.advice(named("createWorker"), PoolThreadAdvice.class.getName()))
                .type(named(FORK_JOIN_TASK))
                .transform(advice
                        .advice(isConstructor(), ForkJoinTaskCreatedAdvice.class.getName())
                        .advice(named("doExec"), ForkJoinTaskRunAdvice.class.getName()));
    }

    @Override
    public List<String> jdkClasses() {
        return List.of(THREAD_POOL, SCHEDULED_POOL, FORK_JOIN_POOL, FORK_JOIN_TASK);
    }
}

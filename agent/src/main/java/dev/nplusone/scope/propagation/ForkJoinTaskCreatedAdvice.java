package dev.nplusone.scope.propagation;

import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ForkJoinTask}'s constructor, which every fork/join task runs: a parallel
 * stream's pieces, {@code CompletableFuture}'s asynchronous stages, what {@code ForkJoinPool} makes
 * of a submitted {@code Runnable} or {@code Callable}. A task created in a scope runs in it.
 */
public final class ForkJoinTaskCreatedAdvice {

    private ForkJoinTaskCreatedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object task) {
        Propagation.taskCreated(task);
    }
}

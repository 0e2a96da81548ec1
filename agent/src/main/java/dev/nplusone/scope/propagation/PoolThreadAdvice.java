package dev.nplusone.scope.propagation;

import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined where a JDK pool creates one of its own threads ({@code ThreadPoolExecutor.addWorker},
 * {@code ForkJoinPool.createWorker}), which happens on whatever thread submitted a task: a pool's
 * thread serves every task that comes after and must not inherit that submitter's scope.
 */
public final class PoolThreadAdvice {

    private PoolThreadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter() {
        return Propagation.poolThreadStarting();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token) {
        Propagation.poolThreadStarted(token);
    }
}

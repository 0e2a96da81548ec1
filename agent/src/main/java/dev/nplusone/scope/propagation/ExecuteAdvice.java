package dev.nplusone.scope.propagation;

import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ThreadPoolExecutor.execute(Runnable)}, which every task of a JDK pool passes
 * ({@code submit} and {@code invokeAll} wrap theirs in a {@code FutureTask} first): the task is
 * replaced by one that runs in the submitter's scope.
 */
public final class ExecuteAdvice {

    private ExecuteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
        task = Propagation.wrap(task);
    }
}

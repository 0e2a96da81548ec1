package dev.nplusone.scope.propagation;

import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code ForkJoinTask.doExec}, where every fork/join task runs, on whatever thread. */
public final class ForkJoinTaskRunAdvice {

    private ForkJoinTaskRunAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object task) {
        return Propagation.taskStarts(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        Propagation.restore(previous);
    }
}

package dev.nplusone.scope.propagation;

import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

import java.util.concurrent.Callable;

/**
 * Inlined into {@code ScheduledThreadPoolExecutor.schedule}, one-shot tasks only (its
 * {@code execute} and {@code submit} come here too). Periodic tasks run for as long as the
 * application lives and are left in no scope: they must not keep one alive.
 */
public final class ScheduleAdvice {

    private ScheduleAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    @SuppressWarnings("unchecked")
    public static void enter(@Advice.Argument(value = 0, readOnly = false, typing = net.bytebuddy.implementation.bytecode.assign.Assigner.Typing.DYNAMIC) Object task) {
        if (task instanceof Runnable) {
            task = Propagation.wrap((Runnable) task);
        } else if (task instanceof Callable) {
            task = Propagation.wrap((Callable<Object>) task);
        }
    }
}

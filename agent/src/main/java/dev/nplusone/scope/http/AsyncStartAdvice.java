package dev.nplusone.scope.http;

import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a servlet container's {@code AsyncContext.start(Runnable)} (jakarta and javax): the
 * container runs the task on a thread of its own pool, in the request's scope.
 */
public final class AsyncStartAdvice {

    private AsyncStartAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
        task = Propagation.wrap(task);
    }
}

package dev.nplusone.scope.job;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Quartz jobs' {@code execute(JobExecutionContext)}: each run is a {@code job} scope
 * named after the job's own class ({@code CleanupJob.execute}), also when {@code execute} is a base
 * class's, such as Spring's {@code QuartzJobBean}. A subclass's {@code execute} calling its
 * parent's is one scope: the inner one has the same kind and name, and is not opened.
 */
public final class QuartzJobAdvice {

    private QuartzJobAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object job) {
        return Bridge.openScope("job", Bridge.simpleName(job.getClass()) + ".execute");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

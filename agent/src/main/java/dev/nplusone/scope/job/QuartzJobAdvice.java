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
        Class<?> type = job.getClass();
        // a generated subclass (CleanupJob$$SpringCGLIB$$0) is named after the class it extends
        while (type.getName().contains("$$") && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        String simple = type.getSimpleName().isEmpty() ? type.getName().substring(type.getName().lastIndexOf('.') + 1) : type.getSimpleName();
        return Bridge.openScope("job", simple + ".execute");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

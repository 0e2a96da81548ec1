package dev.nplusone.scope.job;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

import java.lang.reflect.Method;

/**
 * Inlined into Spring's {@code ScheduledMethodRunnable.run()}: each run of a {@code @Scheduled}
 * method is a {@code job} scope named after the bean's class and the method ({@code DigestJob.send}).
 *
 * <p>Inlined code reaches only what the instrumented class sees, not the agent, so the naming is
 * written out here rather than shared with {@link QuartzJobAdvice}.
 */
public final class ScheduledMethodAdvice {

    private ScheduledMethodAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.FieldValue("target") Object target, @Advice.FieldValue("method") Method method) {
        Class<?> type = target == null ? method.getDeclaringClass() : target.getClass();
        // a CGLIB subclass (DigestJob$$SpringCGLIB$$0) is named after the class it extends; a JDK
        // proxy's class says nothing, the method's interface does
        while (type.getName().contains("$$") && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        if (java.lang.reflect.Proxy.isProxyClass(type)) {
            type = method.getDeclaringClass();
        }
        String simple = type.getSimpleName().isEmpty() ? type.getName().substring(type.getName().lastIndexOf('.') + 1) : type.getSimpleName();
        return Bridge.openScope("job", simple + "." + method.getName());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

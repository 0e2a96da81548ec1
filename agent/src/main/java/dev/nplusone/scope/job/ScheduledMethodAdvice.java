package dev.nplusone.scope.job;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

import java.lang.reflect.Method;

/**
 * Inlined into Spring's {@code ScheduledMethodRunnable.run()}: each run of a {@code @Scheduled}
 * method is a {@code job} scope named after the bean's class and the method ({@code DigestJob.send}).
 * Generated subclasses are named after the class they extend ({@link Bridge#simpleName}).
 */
public final class ScheduledMethodAdvice {

    private ScheduledMethodAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.FieldValue("target") Object target, @Advice.FieldValue("method") Method method) {
        Class<?> type = target == null ? method.getDeclaringClass() : target.getClass();
        // a JDK proxy's class says nothing, the method's interface does
        if (java.lang.reflect.Proxy.isProxyClass(type)) {
            type = method.getDeclaringClass();
        }
        return Bridge.openScope("job", Bridge.simpleName(type) + "." + method.getName());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

package dev.nplusone.scope.test;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into test methods (JUnit 5, JUnit 4 and TestNG annotations): each invocation is a scope
 * of kind {@code test} named {@code com.acme.OrderTest#listsOrders}. Requests served in the same
 * thread (MockMvc, a server called in-process) nest inside it.
 */
public final class TestMethodAdvice {

    private TestMethodAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method) {
        return Bridge.openScope("test", type + "#" + method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

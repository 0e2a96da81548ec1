package dev.nplusone.scope.serialization;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Jackson's {@code writeValueAsString(value)} and {@code writeValueAsBytes(value)}
 * (Jackson 2 and 3 alike: it names no Jackson type).
 */
public final class ValueFirstAdvice {

    private ValueFirstAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) Object value) {
        return Bridge.openSerializationScope(value);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

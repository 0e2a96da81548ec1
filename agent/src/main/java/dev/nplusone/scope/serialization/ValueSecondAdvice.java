package dev.nplusone.scope.serialization;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Jackson's {@code writeValue(target, value)}, where the target is a generator, a
 * stream, a writer or a file (Jackson 2 and 3 alike: it names no Jackson type).
 */
public final class ValueSecondAdvice {

    private ValueSecondAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(1) Object value) {
        return Bridge.openSerializationScope(value);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

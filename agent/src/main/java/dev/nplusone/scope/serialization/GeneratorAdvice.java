package dev.nplusone.scope.serialization;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Jackson's {@code serializeValue} and {@code serializePolymorphic} (Jackson 2's
 * {@code DefaultSerializerProvider}, Jackson 3's {@code SerializationContextExt}), through which
 * every write of a value passes: while it writes, its generator is this thread's, so that a repeated
 * statement can be placed in the JSON. Names no Jackson type, so serves both.
 */
public final class GeneratorAdvice {

    private GeneratorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) Object generator) {
        return Bridge.jsonGenerator(generator);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        if (previous != Bridge.UNCHANGED) {
            Bridge.jsonGenerator(previous);
        }
    }
}

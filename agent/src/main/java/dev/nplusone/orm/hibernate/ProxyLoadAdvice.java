package dev.nplusone.orm.hibernate;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Hibernate's {@code AbstractLazyInitializer.initialize()}, which every to-one proxy
 * calls on its first use: while the entity loads, the proxy's initializer is this thread's lazy
 * load. Once the proxy is loaded, the advice costs one field read per call.
 */
public final class ProxyLoadAdvice {

    private ProxyLoadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object initializer, @Advice.FieldValue("initialized") boolean initialized) {
        return initialized ? Bridge.UNCHANGED : Bridge.lazyLoad(initializer);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        if (previous != Bridge.UNCHANGED) {
            Bridge.lazyLoad(previous);
        }
    }
}

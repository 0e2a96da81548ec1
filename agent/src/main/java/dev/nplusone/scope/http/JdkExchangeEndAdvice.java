package dev.nplusone.scope.http;

import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the JDK HTTP server's own exchange ({@code sun.net.httpserver.ExchangeImpl}): its
 * {@code close()}, and {@code getOriginalInputStream()}, which the server calls exactly where a
 * response has been written in full (each response stream's {@code close}, and the dispatcher's
 * handling of the write-finished event). Either ends a scope that outlived its handler.
 */
public final class JdkExchangeEndAdvice {

    private JdkExchangeEndAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("rspHdrs") Object responseHeaders) {
        Propagation.exchangeEnds(responseHeaders);
    }
}

package dev.nplusone.scope.http;

import com.sun.net.httpserver.HttpExchange;
import dev.nplusone.bridge.Bridge;
import dev.nplusone.bridge.Propagation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code com.sun.net.httpserver.Filter.Chain.doFilter}, which the JDK's HTTP server
 * calls for every exchange (handlers are often lambdas, which cannot be instrumented themselves).
 * The outermost call on a thread opens the request scope.
 */
public final class JdkHttpServerAdvice {

    private JdkHttpServerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) HttpExchange exchange) {
        return Bridge.openHttpScope(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
    }

    /** An exchange whose response is still being written when its handler returns stays one scope until it is ({@code docs/threads.md}). */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope, @Advice.Argument(0) HttpExchange exchange) {
        if (scope != null && !Propagation.suspendExchange(scope, exchange.getResponseHeaders())) {
            Bridge.closeScope(scope, null);
        }
    }
}

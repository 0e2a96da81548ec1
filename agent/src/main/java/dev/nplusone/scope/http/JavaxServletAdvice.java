package dev.nplusone.scope.http;

import dev.nplusone.bridge.Bridge;
import javax.servlet.ServletRequest;
import javax.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code javax.servlet} filters' {@code doFilter} and servlets' {@code service}:
 * the first one entered on a thread opens the request scope, the same one leaving closes it.
 */
public final class JavaxServletAdvice {

    /** Where Spring MVC leaves the route template of the handler that served the request. */
    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private JavaxServletAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) ServletRequest request) {
        if (request instanceof HttpServletRequest) {
            HttpServletRequest http = (HttpServletRequest) request;
            return Bridge.openHttpScope(http.getMethod(), http.getRequestURI());
        }
        return null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope, @Advice.Argument(0) ServletRequest request) {
        if (scope != null) {
            // a String, or a PathPattern whose toString() is the template
            Object route = request.getAttribute(SPRING_ROUTE);
            Bridge.closeScope(scope, route != null ? ((HttpServletRequest) request).getContextPath() + route : null);
        }
    }
}

package dev.nplusone.scope.http;

import dev.nplusone.bridge.Bridge;
import dev.nplusone.bridge.Propagation;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code jakarta.servlet} filters' {@code doFilter} and servlets' {@code service}:
 * the first one entered on a thread opens the request scope, the same one leaving closes it.
 *
 * <p>A request put in asynchronous mode stays one scope until it completes ({@code docs/threads.md}):
 * as the first call leaves, the scope is taken off the thread, and a listener ends it when the
 * container reports the request complete, failed or timed out; an asynchronous dispatch of the
 * request runs in it again.
 */
public final class JakartaServletAdvice {

    /** Where Spring MVC leaves the route template of the handler that served the request. */
    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";
    /** Where an asynchronous request keeps its scope for the dispatches that follow. */
    public static final String ASYNC_SCOPE = "dev.nplusone.scope";

    private JakartaServletAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) ServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(ASYNC_SCOPE) != null) {
            return Propagation.resume(request.getAttribute(ASYNC_SCOPE));
        }
        if (request instanceof HttpServletRequest) {
            HttpServletRequest http = (HttpServletRequest) request;
            return Bridge.openHttpScope(http.getMethod(), http.getRequestURI());
        }
        return null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope, @Advice.Argument(0) ServletRequest request) {
        if (scope == null) {
            return;
        }
        Object async = request.getAttribute(ASYNC_SCOPE);
        Object listenFor = null; // the scope whose end a listener must wait for
        if (request.getDispatcherType() == DispatcherType.ASYNC && async != null) {
            Propagation.restore(scope); // scope: what the resumed scope replaced on this thread
            // a new asynchronous cycle: the container dropped the listeners of the last one
            listenFor = request.isAsyncStarted() ? async : null;
        } else {
            // a String, or a PathPattern whose toString() is the template
            Object route = request.getAttribute(SPRING_ROUTE);
            String name = route != null ? ((HttpServletRequest) request).getContextPath() + route : null;
            if (request.isAsyncStarted() && Propagation.suspend(scope, name)) {
                request.setAttribute(ASYNC_SCOPE, scope);
                listenFor = scope;
            } else {
                Bridge.closeScope(scope, name);
            }
        }
        if (listenFor != null) {
            try {
                request.getAsyncContext().addListener((AsyncListener) Propagation.endingListener(AsyncListener.class, listenFor));
            } catch (RuntimeException completedAlready) {
                Propagation.end(listenFor);
            }
        }
    }
}

package dev.nplusone.scope.http;

import dev.nplusone.hook.Hook;
import dev.nplusone.hook.Matchers;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Servlet filters and servlets of one namespace, in any container: the outermost call on a thread is
 * the request's scope; an asynchronous request's scope lasts until it completes, and tasks given to
 * {@code AsyncContext.start} run in it.
 */
public final class ServletHook implements Hook {

    public static final ServletHook JAKARTA = new ServletHook("jakarta.servlet", JakartaServletAdvice.class);
    public static final ServletHook JAVAX = new ServletHook("javax.servlet", JavaxServletAdvice.class);

    private final String namespace;
    private final Class<?> adviceClass;

    private ServletHook(String namespace, Class<?> adviceClass) {
        this.namespace = namespace;
        this.adviceClass = adviceClass;
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(Matchers.implementing(namespace + ".Filter", "doFilter"))
                .transform(advice.advice(doFilter(), adviceClass.getName()))
                .type(Matchers.implementing(namespace + ".Servlet", "service"))
                .transform(advice.advice(service(), adviceClass.getName()))
                .type(Matchers.implementing(namespace + ".AsyncContext", "start"))
                .transform(advice.advice(named("start").and(takesArguments(Runnable.class)), AsyncStartAdvice.class.getName()));
    }

    private ElementMatcher.Junction<MethodDescription> doFilter() {
        return named("doFilter").and(not(isAbstract())).and(takesArguments(3))
                .and(takesArgument(0, named(namespace + ".ServletRequest")));
    }

    private ElementMatcher.Junction<MethodDescription> service() {
        return named("service").and(not(isAbstract())).and(takesArguments(2))
                .and(takesArgument(0, named(namespace + ".ServletRequest")));
    }
}

package dev.nplusone.scope.message;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * JMS message listeners, javax and jakarta: each message handled is a scope of kind
 * {@code message}, so an N+1 in a listener is found without the application opening a scope.
 *
 * <p>Spring's listener containers call a {@code SessionAwareMessageListener} with the session
 * rather than {@code onMessage(Message)}, and the adapters behind {@code @JmsListener} methods are
 * such listeners; they are covered too. An adapter's {@code onMessage(Message)} that hands over to
 * its {@code onMessage(Message, Session)} is one scope: the inner one has the same name.
 */
public final class MessageListenerHook implements Hook {

    static final String[] LISTENERS = {
        "javax.jms.MessageListener", "jakarta.jms.MessageListener", "org.springframework.jms.listener.SessionAwareMessageListener",
    };

    @Override
    public ClassSieve sieve() {
        return ClassSieve.declaring("onMessage");
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(not(isInterface()).and(declaresMethod(named("onMessage"))).and(hasSuperType(namedOneOf(LISTENERS))))
                .transform(advice.advice(onMessage(), MessageListenerAdvice.class.getName()));
    }

    /**
     * {@code onMessage(Message)} and {@code onMessage(Message, Session)} of either namespace. The
     * message may be a subtype ({@code SessionAwareMessageListener<TextMessage>}); the compiler's
     * bridge method for it only forwards, and is left out.
     */
    private static ElementMatcher.Junction<MethodDescription> onMessage() {
        return named("onMessage").and(not(isAbstract())).and(not(isBridge())).and(handles("javax.jms").or(handles("jakarta.jms")));
    }

    private static ElementMatcher.Junction<MethodDescription> handles(String api) {
        return takesArgument(0, hasSuperType(named(api + ".Message")))
                .and(takesArguments(1).or(takesArguments(2).and(takesArgument(1, named(api + ".Session")))));
    }
}

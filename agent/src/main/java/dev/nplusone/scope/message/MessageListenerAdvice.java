package dev.nplusone.scope.message;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into JMS listeners' {@code onMessage}: each message is a {@code message} scope named
 * after its destination ({@code message orders}), or, when the message has none (a listener called
 * directly with a message made for it), after the listener's class ({@code message OrderListener}).
 *
 * <p>The JMS API is reached by reflection, through its public interfaces ({@code Message},
 * {@code Queue}, {@code Topic}) in the listener's own namespace, javax or jakarta: the agent is
 * compiled against neither, and a provider's message and destination classes need not be public.
 * Inlined code reaches only what the instrumented class sees (and the bridge, which names classes).
 */
public final class MessageListenerAdvice {

    private MessageListenerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object listener, @Advice.Argument(0) Object message,
                               @Advice.Origin("#d") String descriptor) {
        String destination = null;
        try {
            // "(Ljakarta/jms/TextMessage;...)V": the package of the first parameter is the listener's JMS API
            String parameter = descriptor.substring(2, descriptor.indexOf(';'));
            String api = parameter.substring(0, parameter.lastIndexOf('/')).replace('/', '.');
            ClassLoader loader = listener.getClass().getClassLoader();
            Object where = Class.forName(api + ".Message", false, loader).getMethod("getJMSDestination").invoke(message);
            Class<?> queue = Class.forName(api + ".Queue", false, loader);
            Class<?> topic = Class.forName(api + ".Topic", false, loader);
            if (queue.isInstance(where)) {
                destination = (String) queue.getMethod("getQueueName").invoke(where);
            } else if (topic.isInstance(where)) {
                destination = (String) topic.getMethod("getTopicName").invoke(where);
            }
        } catch (Exception unknown) {
            // no destination to name it after: the listener's class names it
        }
        if (destination == null || destination.isEmpty()) {
            destination = Bridge.simpleName(listener.getClass());
        }
        return Bridge.openScope("message", "message " + destination);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

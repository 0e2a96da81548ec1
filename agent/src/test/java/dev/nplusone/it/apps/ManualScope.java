package dev.nplusone.it.apps;

import java.lang.reflect.Method;

/**
 * A manual scope, opened through the agent's bootstrap bridge by reflection (the test class path
 * has no {@code nplusone-api}). Without the agent it does nothing, so the applications run the
 * same either way.
 */
public final class ManualScope implements AutoCloseable {

    private static final String BRIDGE = "dev.nplusone.bridge.Bridge";

    private final Object token;

    private ManualScope(Object token) {
        this.token = token;
    }

    public static ManualScope open(String name) {
        Method open = bridgeMethod("openManualScope", String.class);
        return new ManualScope(open == null ? null : invoke(open, name));
    }

    @Override
    public void close() {
        Method close = bridgeMethod("closeScope", Object.class);
        if (close != null && token != null) {
            invoke(close, token);
        }
    }

    // Looked up at each call, not once: an agent attached later (AttachApp) must still be found.
    private static Method bridgeMethod(String name, Class<?> parameter) {
        try {
            return Class.forName(BRIDGE, false, null).getMethod(name, parameter);
        } catch (ClassNotFoundException agentAbsent) {
            return null;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the agent's bridge has no " + name + "(" + parameter.getSimpleName() + ")", e);
        }
    }

    private static Object invoke(Method method, Object argument) {
        try {
            return method.invoke(null, argument);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("calling the agent's bridge failed", e);
        }
    }
}

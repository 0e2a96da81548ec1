package dev.nplusone.jdbc;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the end of {@code DataSource.getConnection} and {@code Driver.connect}
 * implementations: the connection they return is replaced by our wrapper.
 */
public final class ConnectionAdvice {

    private ConnectionAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object connection) {
        connection = Bridge.connection(connection);
    }
}

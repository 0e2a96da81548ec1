package dev.nplusone.it.apps;

import dev.nplusone.api.NPlusOne;

/**
 * A manual scope, opened the way applications do: through {@code nplusone-api}. Without the agent
 * it does nothing, so the applications run the same either way; with an agent attached later
 * ({@link AttachApp}) it finds it at the next scope.
 */
public final class ManualScope implements AutoCloseable {

    private final NPlusOne.Scope scope;

    private ManualScope(NPlusOne.Scope scope) {
        this.scope = scope;
    }

    public static ManualScope open(String name) {
        return new ManualScope(NPlusOne.scope(name));
    }

    @Override
    public void close() {
        scope.close();
    }
}

package dev.nplusone.agent;

import dev.nplusone.bridge.Bridge;
import dev.nplusone.jdbc.ConnectionWrapper;
import dev.nplusone.scope.Scopes;

/** What instrumented code reaches through {@link Bridge}; every failure stays inside the agent. */
final class AgentHooks implements Bridge.Hooks {

    private final ConnectionWrapper connections;
    private final Scopes scopes;

    AgentHooks(ConnectionWrapper connections, Scopes scopes) {
        this.connections = connections;
        this.scopes = scopes;
    }

    @Override
    public Object connection(Object connection) {
        try {
            return connections.wrap(connection);
        } catch (Throwable failure) {
            Failures.caught("wrapping a connection", failure);
            return connection;
        }
    }

    @Override
    public Object openHttpScope(String method, String path) {
        try {
            return scopes.openHttp(method, path);
        } catch (Throwable failure) {
            Failures.caught("opening an HTTP scope", failure);
            return null;
        }
    }

    @Override
    public Object openSerializationScope(Object rootValue) {
        try {
            return scopes.openSerialization(rootValue);
        } catch (Throwable failure) {
            Failures.caught("opening a serialization scope", failure);
            return null;
        }
    }

    @Override
    public Object openScope(String kind, String name) {
        try {
            return scopes.open(kind, name);
        } catch (Throwable failure) {
            Failures.caught("opening a scope", failure);
            return null;
        }
    }

    @Override
    public void closeScope(Object scope, String route) {
        try {
            scopes.close(scope, route);
        } catch (Throwable failure) {
            Failures.caught("closing a scope", failure);
        }
    }

    @Override
    public Object lazyLoad(Object loading) {
        Scopes.ThreadState thread = scopes.thread();
        Object previous = thread.lazyLoad;
        thread.lazyLoad = loading;
        return previous;
    }

    @Override
    public Object jsonGenerator(Object generator) {
        Scopes.ThreadState thread = scopes.thread();
        Object previous = thread.jsonGenerator;
        thread.jsonGenerator = generator;
        return previous;
    }
}

package dev.nplusone.agent;

import dev.nplusone.bridge.Bridge;
import dev.nplusone.detect.Finding;
import dev.nplusone.jdbc.ConnectionWrapper;
import dev.nplusone.scope.Scopes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public Map<String, Object> closeScopeWithResult(Object scope) {
        Scopes.Closed closed;
        try {
            closed = scopes.close(scope, null);
        } catch (Throwable failure) {
            Failures.caught("closing a scope", failure);
            return null;
        }
        try {
            return closed == null ? null : result(closed);
        } catch (Throwable failure) {
            Failures.caught("describing a closed scope", failure);
            return null;
        }
    }

    // JDK types only: the caller, nplusone-api, shares no class with the agent (see Bridge).
    private static Map<String, Object> result(Scopes.Closed closed) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", closed.kind);
        result.put("name", closed.name);
        result.put("statements", closed.statements);
        if (closed.findings != null) {
            List<Map<String, Object>> findings = new ArrayList<>(closed.findings.size());
            for (Finding f : closed.findings) {
                findings.add(finding(f));
            }
            result.put("findings", findings);
        }
        return result;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", f.type().json());
        m.put("scope", f.scope());
        m.put("path", f.path());
        m.put("shape", f.shape());
        m.put("repetitions", f.repetitions());
        m.put("location", f.location());
        m.put("locationKind", f.locationKind());
        m.put("stack", f.stack());
        m.put("trigger", f.trigger());
        m.put("association", f.association() == null ? null : f.association().name());
        m.put("jsonPath", f.jsonPath());
        m.put("hint", f.hint());
        m.put("timeMillis", f.nanos() / 1_000_000);
        m.put("parameters", f.parameters());
        return m;
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

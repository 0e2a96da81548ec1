package dev.nplusone.agent;

import dev.nplusone.failure.Failures;
import dev.nplusone.failure.Faults;

import dev.nplusone.api.ReportFormat;
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
            Faults.at(Faults.Point.ADVICE);
            return connections.wrap(connection);
        } catch (Throwable failure) {
            Failures.caught("wrapping a connection", failure);
            return connection;
        }
    }

    @Override
    public Object openHttpScope(String method, String path) {
        try {
            Faults.at(Faults.Point.ADVICE);
            return scopes.openHttp(method, path);
        } catch (Throwable failure) {
            Failures.caught("opening an HTTP scope", failure);
            return null;
        }
    }

    @Override
    public Object openSerializationScope(Object rootValue) {
        try {
            Faults.at(Faults.Point.ADVICE);
            return scopes.openSerialization(rootValue);
        } catch (Throwable failure) {
            Failures.caught("opening a serialization scope", failure);
            return null;
        }
    }

    @Override
    public Object openScope(String kind, String name) {
        try {
            Faults.at(Faults.Point.ADVICE);
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
        result.put(ReportFormat.Scope.KIND, closed.kind);
        result.put(ReportFormat.Scope.NAME, closed.name);
        result.put(ReportFormat.Scope.STATEMENTS, closed.statements);
        if (closed.findings != null) {
            List<Map<String, Object>> findings = new ArrayList<>(closed.findings.size());
            for (Finding f : closed.findings) {
                findings.add(finding(f));
            }
            result.put(ReportFormat.Scope.FINDINGS, findings);
        }
        return result;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ReportFormat.Finding.TYPE, f.type().json());
        m.put(ReportFormat.Finding.SCOPE, f.scope());
        m.put(ReportFormat.Finding.PATH, f.path());
        m.put(ReportFormat.Finding.SHAPE, f.shape());
        m.put(ReportFormat.Finding.REPETITIONS, f.repetitions());
        m.put(ReportFormat.Finding.LOCATION, f.location());
        m.put(ReportFormat.Finding.LOCATION_KIND, f.locationKind());
        m.put(ReportFormat.Finding.STACK, f.stack());
        m.put(ReportFormat.Finding.TRIGGER, f.trigger());
        m.put(ReportFormat.Finding.ASSOCIATION, f.association() == null ? null : f.association().name());
        m.put(ReportFormat.Finding.JSON_PATH, f.jsonPath());
        m.put(ReportFormat.Finding.HINT, f.hint());
        m.put(ReportFormat.Finding.TIME_MILLIS, f.nanos() / 1_000_000);
        m.put(ReportFormat.Finding.PARAMETERS, f.parameters());
        return m;
    }

    @Override
    public Object lazyLoad(Object loading) {
        try {
            Faults.at(Faults.Point.ADVICE);
            return scopes.thread().swapLazyLoad(loading);
        } catch (Throwable failure) {
            Failures.caught("marking a lazy load", failure);
            return null;
        }
    }

    @Override
    public Object jsonGenerator(Object generator) {
        try {
            Faults.at(Faults.Point.ADVICE);
            return scopes.thread().swapJsonGenerator(generator);
        } catch (Throwable failure) {
            Failures.caught("marking a JSON generator", failure);
            return null;
        }
    }
}

package dev.nplusone.jfr;

import dev.nplusone.detect.Finding;
import dev.nplusone.failure.Failures;

import jdk.jfr.FlightRecorder;

import java.util.List;

/**
 * Emits {@link FindingEvent}s and {@link ScopeSummaryEvent}s while a recording wants them. Until
 * the JVM's Flight Recorder is initialized (a recording started with {@code -XX:StartFlightRecording}
 * or {@code jcmd JFR.start}), each call is one volatile read; after, disabled events are not filled.
 */
public final class JfrEvents {

    private JfrEvents() {
    }

    /** The events, or null when this Java runtime has no Flight Recorder (an image linked without jdk.jfr). */
    public static JfrEvents ifAvailable() {
        return ModuleLayer.boot().findModule("jdk.jfr").isPresent() ? new JfrEvents() : null;
    }

    /** A scope instance closed: called on the application's thread, so it never throws. */
    public void scopeClosed(String kind, String name, int statements) {
        try {
            if (!FlightRecorder.isInitialized()) {
                return;
            }
            ScopeSummaryEvent event = new ScopeSummaryEvent();
            if (event.shouldCommit()) {
                event.kind = kind;
                event.name = name;
                event.statements = statements;
                event.commit();
            }
        } catch (Throwable t) {
            Failures.caught("jfr scope event", t);
        }
    }

    /** An outermost scope instance's findings: called on the application's thread, so it never throws. */
    public void findings(List<Finding> findings) {
        try {
            if (findings.isEmpty() || !FlightRecorder.isInitialized()) {
                return;
            }
            for (Finding f : findings) {
                FindingEvent event = new FindingEvent();
                if (!event.shouldCommit()) {
                    return; // disabled: so are the rest
                }
                event.type = f.type().json();
                event.scope = f.scope();
                event.path = String.join(" > ", f.path());
                event.shape = f.shape();
                event.repetitions = f.repetitions();
                event.totalRepetitions = f.executions();
                event.location = f.location();
                event.locationKind = f.locationKind();
                event.stack = String.join("\n", f.stack());
                event.trigger = f.trigger();
                event.association = f.association() == null ? null : f.association().name();
                event.associationKind = f.association() == null ? null : f.association().kind().json();
                event.jsonPath = f.jsonPath();
                event.hint = f.hint();
                event.timeMillis = f.nanos() / 1_000_000;
                event.parameters = f.parameters();
                event.commit();
            }
        } catch (Throwable t) {
            Failures.caught("jfr finding event", t);
        }
    }
}

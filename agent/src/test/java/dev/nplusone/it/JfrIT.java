package dev.nplusone.it;

import dev.nplusone.it.apps.JfrApp;
import dev.nplusone.testkit.ReportJson;
import dev.nplusone.testkit.SourceLine;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JFR events of a real run: a child JVM with the agent records with Java Flight Recorder, and the
 * events read back from the recording carry what the JSON report of the same run says. The event
 * classes are defined by the agent's isolated class loader; their being in the recording at all is
 * the proof that Flight Recorder registers them from there.
 */
class JfrIT {

    static final SourceLine LOOP = SourceLine.of(JfrApp.class, "// N+1: invoices of each customer");

    @Test
    void aRecordingHasTheFindingsAndScopesOfTheReportWithTheSameFields() throws IOException {
        ChildJvm child = ChildJvm.of("jfr-recorded", JfrApp.class).withAgent("");
        Path recording = child.dir().resolve("recording.jfr");
        Result result = child.jvmOptions("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true").args("recorded").run()
                .assertCleanRun();
        ReportJson report = ReportJson.read(result.reportFile());
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);

        List<RecordedEvent> findings = named(events, "nplusone.Finding");
        assertEquals(2, report.findings().size(), () -> "the N+1 and the duplicate in " + report.file());
        assertEquals(report.findings().size(), findings.size(), "one event per finding in one scope instance: " + findings);
        for (Map<String, Object> f : report.findings()) {
            RecordedEvent e = findings.stream().filter(ev -> ev.getString("type").equals(f.get("type"))).findFirst().orElseThrow();
            assertEquals(1L, number(f, "occurrences"), "one scope instance, so the event's counts are the report's");
            for (String field : List.of("type", "scope", "shape", "location", "locationKind", "trigger", "association", "associationKind",
                    "jsonPath", "hint", "parameters")) {
                assertEquals(f.get(field), e.getString(field), field);
            }
            assertEquals(String.join(" > ", strings(f, "path")), e.getString("path"));
            assertEquals(String.join("\n", strings(f, "stack")), e.getString("stack"));
            assertEquals(number(f, "repetitions"), e.getLong("repetitions"));
            assertEquals(number(f, "totalRepetitions"), e.getLong("totalRepetitions"));
            assertEquals(number(f, "timeMillis"), e.getDuration("timeMillis").toMillis());
            assertEquals("nplusone", e.getEventType().getCategoryNames().get(0));
        }
        RecordedEvent nPlusOne = findings.stream().filter(e -> e.getString("type").equals("n_plus_one")).findFirst().orElseThrow();
        LOOP.assertIsFrame(nPlusOne.getString("location"));
        assertEquals(JfrApp.CUSTOMERS, nPlusOne.getLong("repetitions"));

        List<RecordedEvent> scopes = named(events, "nplusone.ScopeSummary");
        assertEquals(report.scopes().size(), scopes.stream().map(e -> e.getString("kind") + " " + e.getString("name")).distinct().count());
        for (Map<String, Object> s : report.scopes()) {
            List<Long> counts = scopes.stream().filter(e -> e.getString("name").equals(s.get("name")) && e.getString("kind").equals(s.get("kind")))
                    .map(e -> e.getLong("statements")).collect(Collectors.toList());
            @SuppressWarnings("unchecked")
            Map<String, Object> statements = (Map<String, Object>) s.get("statements");
            assertEquals(number(s, "instances"), counts.size(), "instances of " + s.get("name"));
            assertEquals(number(statements, "total"), counts.stream().mapToLong(Long::longValue).sum(), "total of " + s.get("name"));
            assertEquals(number(statements, "max"), counts.stream().mapToLong(Long::longValue).max().orElse(0), "max of " + s.get("name"));
        }
    }

    @Test
    void nothingIsEmittedBeforeARecordingStartsAndTheAgentNeverStartsFlightRecorder() throws IOException {
        ChildJvm child = ChildJvm.of("jfr-later", JfrApp.class).withAgent("");
        Path recording = child.dir().resolve("later.jfr");
        Result result = child.args("later", recording.toString()).run().assertCleanRun();
        assertTrue(result.stdout().contains("flight recorder initialized: false"), result::describe);

        ReportJson report = ReportJson.read(result.reportFile());
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        // Two jobs ran, the report counts both; the recording started between them has the second only.
        assertEquals(2L, number(report.scope(JfrApp.JOB), "instances"));
        assertEquals(1, named(events, "nplusone.ScopeSummary").stream().filter(e -> e.getString("name").equals(JfrApp.JOB)).count());
        assertEquals(report.findings().size(), named(events, "nplusone.Finding").size());
        assertEquals(2L, number(report.findings().get(0), "occurrences"));
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).collect(Collectors.toList());
    }

    private static long number(Map<String, Object> o, String field) {
        return ((Number) o.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> o, String field) {
        return new ArrayList<>((List<String>) o.get(field));
    }
}

package dev.nplusone.gate;

import dev.nplusone.api.ReportFormat;
import dev.nplusone.api.ReportFormat.Finding;
import dev.nplusone.api.ReportFormat.Report;
import dev.nplusone.api.ReportFormat.Scope;
import dev.nplusone.api.ReportFormat.Summary;

import dev.nplusone.json.JsonReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JSON reports read and merged: several forked test JVMs each write one, and the gate judges them
 * together. Strict on purpose: a report that is truncated, not JSON, or not an nplusone report is
 * an error naming the file, never a silent pass.
 */
public final class Reports {

    /** The newest report format this reader understands. */
    static final int VERSION = ReportFormat.VERSION;

    private final List<Path> files = new ArrayList<>();
    private final Map<String, ScopeTotal> scopes = new LinkedHashMap<>();
    private final Map<List<Object>, FindingTotal> findings = new LinkedHashMap<>();
    private long statements;
    private long unscoped;
    private long scopeInstances;
    private long cappedScopeInstances;
    private String generated;
    private long pid;

    private Reports() {
    }

    /**
     * Reads the same inputs as {@link #read}, each report file on its own, in the same order: for a
     * view that tells the reports apart.
     */
    public static List<Reports> readEach(List<Path> inputs) throws UnreadableReport {
        List<Reports> each = new ArrayList<>();
        for (Path file : files(inputs)) {
            Reports one = new Reports();
            one.add(file);
            each.add(one);
        }
        return each;
    }

    /**
     * Reads report files, and every {@code *.json} file under directories (recursively).
     *
     * @throws UnreadableReport for the first input that is missing, unreadable or not a report,
     *                          and when no report is found at all
     */
    public static Reports read(List<Path> inputs) throws UnreadableReport {
        Reports reports = new Reports();
        for (Path file : files(inputs)) {
            reports.add(file);
        }
        return reports;
    }

    /** The report files the inputs name: files as given, directories' {@code *.json} files below them. */
    private static List<Path> files(List<Path> inputs) throws UnreadableReport {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found = reportsUnder(input);
                if (found.isEmpty()) {
                    throw new UnreadableReport(input, "no *.json report in this directory (was the agent attached with report=...?)");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new UnreadableReport(input, "no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no report given");
        }
        return files;
    }

    private static List<Path> reportsUnder(Path dir) throws UnreadableReport {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableReport(dir, "cannot list: " + e.getMessage());
        }
    }

    private void add(Path file) throws UnreadableReport {
        Object json;
        try {
            json = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreadableReport(file, "cannot read: " + e);
        } catch (IllegalArgumentException e) {
            throw new UnreadableReport(file, "not valid JSON, truncated or corrupt (" + e.getMessage() + ")");
        }
        try {
            Map<String, Object> report = object(json, "the report");
            long version = number(report, Report.VERSION);
            if (version > VERSION) {
                throw new IllegalStateException("report format version " + version + " is newer than this check understands ("
                        + VERSION + "); use the agent jar that wrote it");
            }
            if (report.get(Report.SUMMARY) instanceof Map) {
                Map<String, Object> summary = object(report.get(Report.SUMMARY), "the summary");
                statements += count(summary, Summary.STATEMENTS);
                unscoped += count(summary, Summary.UNSCOPED);
                scopeInstances += count(summary, Summary.SCOPE_INSTANCES);
                cappedScopeInstances += count(summary, Summary.CAPPED_SCOPE_INSTANCES);
            }
            generated = optional(report, Report.GENERATED);
            pid = count(report, Report.PID);
            for (Object item : array(report, Report.SCOPES)) {
                Map<String, Object> s = object(item, "a scope");
                Map<String, Object> statements = object(s.get(Scope.STATEMENTS), "scope statements");
                String kind = string(s, Scope.KIND);
                String name = string(s, Scope.NAME);
                scopes.computeIfAbsent(kind + ' ' + name, k -> new ScopeTotal(kind, name))
                        .add(number(s, Scope.INSTANCES), number(statements, Scope.TOTAL), number(statements, Scope.MAX));
            }
            for (Object item : array(report, Report.FINDINGS)) {
                Map<String, Object> f = object(item, "a finding");
                List<String> path = strings(f, Finding.PATH);
                if (path.isEmpty()) {
                    throw new IllegalStateException("a finding has an empty path");
                }
                String type = string(f, Finding.TYPE);
                String shape = string(f, Finding.SHAPE);
                String location = string(f, Finding.LOCATION);
                String locationKind = optional(f, Finding.LOCATION_KIND);
                findings.computeIfAbsent(List.of(type, path, shape, location),
                        k -> new FindingTotal(type, path, shape, location, strings(f, Finding.STACK), optional(f, Finding.TRIGGER),
                                optional(f, Finding.ASSOCIATION), optional(f, Finding.ASSOCIATION_KIND), optional(f, Finding.JSON_PATH),
                                optional(f, Finding.HINT), optional(f, Finding.PARAMETERS), locationKind))
                        .add(number(f, Finding.REPETITIONS), number(f, Finding.OCCURRENCES), number(f, Finding.TOTAL_REPETITIONS),
                                f.containsKey(Finding.TIME_MILLIS) ? number(f, Finding.TIME_MILLIS) : 0, locationKind);
            }
        } catch (IllegalStateException | ClassCastException e) {
            throw new UnreadableReport(file, "not an nplusone report: " + e.getMessage());
        }
        files.add(file);
    }

    /** The agent's own totals so far, judged at exit with the thresholds given as agent options. */
    public static Reports of(dev.nplusone.report.Registry registry) {
        Reports reports = new Reports();
        for (dev.nplusone.report.ScopeStats s : registry.scopes()) {
            reports.scopes.computeIfAbsent(s.kind() + ' ' + s.name(), k -> new ScopeTotal(s.kind(), s.name()))
                    .add(s.instances(), s.total(), s.max());
        }
        for (dev.nplusone.report.FindingStats f : registry.findings()) {
            reports.findings.computeIfAbsent(List.of(f.type(), f.path(), f.shape(), f.location()),
                    k -> new FindingTotal(f.type(), f.path(), f.shape(), f.location(), f.stack(), f.trigger(),
                            f.association(), f.associationKind(), f.jsonPath(), f.hint(), f.parameters(), f.locationKind()))
                    .add(f.maxRepetitions(), f.occurrences(), f.totalRepetitions(), f.nanos() / 1_000_000, f.locationKind());
        }
        return reports;
    }

    /** Statements over every report read, in scopes or not. */
    public long statements() {
        return statements;
    }

    /** Of {@link #statements()}, those outside any scope. */
    public long unscoped() {
        return unscoped;
    }

    /** Scope instances closed, over every report read. */
    public long scopeInstances() {
        return scopeInstances;
    }

    /** Scope instances that reached their memory budget, over every report read. */
    public long cappedScopeInstances() {
        return cappedScopeInstances;
    }

    /** When the report was written: the last one read's (a report of {@link #readEach}: its own); null when it does not say. */
    public String generated() {
        return generated;
    }

    /** The process that wrote the report: the last one read's (a report of {@link #readEach}: its own); 0 when it does not say. */
    public long pid() {
        return pid;
    }

    public List<Path> files() {
        return Collections.unmodifiableList(files);
    }

    public Collection<ScopeTotal> scopes() {
        return Collections.unmodifiableCollection(scopes.values());
    }

    public Collection<FindingTotal> findings() {
        return Collections.unmodifiableCollection(findings.values());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException(what + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Map<String, Object> o, String field) {
        Object value = o.get(field);
        if (!(value instanceof List)) {
            throw new IllegalStateException("field '" + field + "' is missing or not an array");
        }
        return (List<Object>) value;
    }

    private static List<String> strings(Map<String, Object> o, String field) {
        List<String> out = new ArrayList<>();
        for (Object item : array(o, field)) {
            if (!(item instanceof String)) {
                throw new IllegalStateException("field '" + field + "' holds a non-string");
            }
            out.add((String) item);
        }
        return Collections.unmodifiableList(out);
    }

    private static String string(Map<String, Object> o, String field) {
        Object value = o.get(field);
        if (!(value instanceof String)) {
            throw new IllegalStateException("field '" + field + "' is missing or not a string");
        }
        return (String) value;
    }

    private static String optional(Map<String, Object> o, String field) {
        Object value = o.get(field);
        return value instanceof String ? (String) value : null;
    }

    /** An optional count: 0 when absent. */
    private static long count(Map<String, Object> o, String field) {
        return o.containsKey(field) ? number(o, field) : 0;
    }

    private static long number(Map<String, Object> o, String field) {
        Object value = o.get(field);
        if (!(value instanceof Long)) {
            throw new IllegalStateException("field '" + field + "' is missing or not a whole number");
        }
        return (Long) value;
    }
}

package dev.nplusone.report;

import dev.nplusone.api.ReportFormat;
import dev.nplusone.api.ReportFormat.Finding;
import dev.nplusone.api.ReportFormat.Report;
import dev.nplusone.api.ReportFormat.Scope;
import dev.nplusone.api.ReportFormat.Summary;
import dev.nplusone.failure.Failures;
import dev.nplusone.failure.Faults;
import dev.nplusone.json.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine-readable report. Its field names are a contract (documented in
 * {@code docs/report-format.md}): add fields, never rename or remove one.
 *
 * <p>Written atomically: to a temporary file beside the target, then renamed over it, so a reader
 * never sees half a report even when the JVM dies while writing.
 */
public final class JsonReport {

    /** The format version written; defined with the field names in {@link ReportFormat}. */
    public static final int VERSION = ReportFormat.VERSION;

    private static final AtomicLong TEMPORARY = new AtomicLong();

    private JsonReport() {
    }

    /**
     * Writes the report to a temporary file beside the target, then renames it over the target: a
     * reader, or a JVM killed half-way, never leaves half a report. A report that holds parameter
     * values (the {@code params} option) is created readable and writable by its owner only.
     */
    public static void write(Registry registry, int threshold, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = temporaryFile(absolute, registry.holdsParameters());
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(registry, threshold, out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty file beside the target, hidden, named after it, this process and a counter (so that
     * a dump and the exit, or two JVMs, never share one). Owner-only when asked; else the umask decides,
     * as for any file the application creates.
     */
    static Path temporaryFile(Path target, boolean ownerOnly) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMPORARY.incrementAndGet() + ".tmp");
        if (ownerOnly && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        return temp;
    }

    public static void write(Registry registry, int threshold, Writer out) throws IOException {
        Faults.at(Faults.Point.REPORT_JSON);
        JsonWriter json = new JsonWriter(out);
        java.util.List<ScopeStats> scopes = registry.scopes();
        java.util.List<FindingStats> findings = registry.findings();

        json.beginObject();
        json.name(Report.VERSION).value(ReportFormat.VERSION);
        json.name(Report.GENERATED).value(Instant.now().toString());
        json.name(Report.PID).value(ProcessHandle.current().pid());
        json.name(Report.THRESHOLD).value(threshold);

        json.name(Report.SUMMARY).beginObject();
        json.name(Summary.SCOPES).value(scopes.size());
        json.name(Summary.SCOPE_INSTANCES).value(registry.scopeInstances());
        json.name(Summary.STATEMENTS).value(registry.statements());
        json.name(Summary.UNSCOPED).value(registry.unscoped());
        json.name(Summary.FINDINGS).value(findings.size());
        json.name(Summary.CAPPED_SCOPE_INSTANCES).value(registry.cappedScopeInstances());
        json.name(Summary.AGENT_ERRORS).value(Failures.count());
        json.endObject();

        json.name(Report.SCOPES).beginArray();
        for (ScopeStats s : scopes) {
            json.beginObject();
            json.name(Scope.NAME).value(s.name());
            json.name(Scope.KIND).value(s.kind());
            json.name(Scope.INSTANCES).value(s.instances());
            json.name(Scope.STATEMENTS).beginObject();
            json.name(Scope.TOTAL).value(s.total());
            json.name(Scope.MAX).value(s.max());
            json.endObject();
            json.endObject();
        }
        json.endArray();

        json.name(Report.FINDINGS).beginArray();
        for (FindingStats f : findings) {
            json.beginObject();
            json.name(Finding.TYPE).value(f.type());
            json.name(Finding.SCOPE).value(f.scope());
            json.name(Finding.PATH).strings(f.path());
            json.name(Finding.SHAPE).value(f.shape());
            json.name(Finding.REPETITIONS).value(f.maxRepetitions());
            json.name(Finding.OCCURRENCES).value(f.occurrences());
            json.name(Finding.TOTAL_REPETITIONS).value(f.totalRepetitions());
            json.name(Finding.LOCATION).value(f.location());
            json.name(Finding.LOCATION_KIND).value(f.locationKind());
            json.name(Finding.STACK).strings(f.stack());
            optional(json, Finding.TRIGGER, f.trigger());
            optional(json, Finding.ASSOCIATION, f.association());
            optional(json, Finding.ASSOCIATION_KIND, f.associationKind());
            optional(json, Finding.JSON_PATH, f.jsonPath());
            optional(json, Finding.HINT, f.hint());
            json.name(Finding.TIME_MILLIS).value(f.nanos() / 1_000_000);
            if (f.parameters() != null) {
                json.name(Finding.PARAMETERS).value(f.parameters());
            }
            json.endObject();
        }
        json.endArray();
        json.endObject();
        out.write('\n');
    }

    /** Optional fields are left out rather than written as null. */
    private static void optional(JsonWriter json, String name, String value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        }
    }
}

package dev.nplusone.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The machine-readable report. Its field names are a contract (documented in
 * {@code docs/report-format.md}): add fields, never rename or remove one.
 *
 * <p>Written atomically: to a temporary file beside the target, then renamed over it, so a reader
 * never sees half a report even when the JVM dies while writing.
 */
public final class JsonReport {

    public static final int VERSION = 1;

    private JsonReport() {
    }

    public static void write(Registry registry, int threshold, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
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

    public static void write(Registry registry, int threshold, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        java.util.List<ScopeStats> scopes = registry.scopes();
        java.util.List<FindingStats> findings = registry.findings();

        json.beginObject();
        json.name("version").value(VERSION);
        json.name("generated").value(Instant.now().toString());
        json.name("pid").value(ProcessHandle.current().pid());
        json.name("threshold").value(threshold);

        json.name("summary").beginObject();
        json.name("scopes").value(scopes.size());
        json.name("scopeInstances").value(registry.scopeInstances());
        json.name("statements").value(registry.statements());
        json.name("unscoped").value(registry.unscoped());
        json.name("findings").value(findings.size());
        json.endObject();

        json.name("scopes").beginArray();
        for (ScopeStats s : scopes) {
            json.beginObject();
            json.name("name").value(s.name());
            json.name("kind").value(s.kind());
            json.name("instances").value(s.instances());
            json.name("statements").beginObject();
            json.name("total").value(s.total());
            json.name("max").value(s.max());
            json.endObject();
            json.endObject();
        }
        json.endArray();

        json.name("findings").beginArray();
        for (FindingStats f : findings) {
            json.beginObject();
            json.name("type").value(f.type());
            json.name("scope").value(f.scope());
            json.name("path").strings(f.path());
            json.name("shape").value(f.shape());
            json.name("repetitions").value(f.maxRepetitions());
            json.name("occurrences").value(f.occurrences());
            json.name("totalRepetitions").value(f.totalRepetitions());
            json.name("location").value(f.location());
            json.name("locationKind").value(f.locationKind());
            json.name("stack").strings(f.stack());
            optional(json, "trigger", f.trigger());
            optional(json, "association", f.association());
            optional(json, "associationKind", f.associationKind());
            optional(json, "jsonPath", f.jsonPath());
            optional(json, "hint", f.hint());
            json.name("timeMillis").value(f.nanos() / 1_000_000);
            if (f.parameters() != null) {
                json.name("parameters").value(f.parameters());
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

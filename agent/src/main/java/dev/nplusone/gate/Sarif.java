package dev.nplusone.gate;

import dev.nplusone.json.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The breaches as SARIF 2.1.0, the format code-scanning UIs read to annotate the responsible line.
 * Each finding points at its location's source file (see {@link SourceFiles}); a budget breach of
 * a test scope ({@code Class#method}) points at the test class.
 */
final class Sarif {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Sarif() {
    }

    static void write(Path file, List<Breach> breaches, SourceFiles sources, String version) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try (Writer out = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
            JsonWriter json = new JsonWriter(out);
            json.beginObject();
            json.name("$schema").value(SCHEMA);
            json.name("version").value("2.1.0");
            json.name("runs").beginArray().beginObject();
            json.name("tool").beginObject().name("driver").beginObject();
            json.name("name").value("nplusone");
            json.name("version").value(version);
            json.name("rules").beginArray();
            rule(json, "n_plus_one", "N+1 queries", "The same statement shape ran once per parent row from one call site.");
            rule(json, "duplicate", "Duplicate query", "The same statement with the same parameters ran more than once in one scope.");
            rule(json, "batchable", "Batchable writes", "The same INSERT, UPDATE, DELETE or MERGE ran once per row from one call site;"
                    + " a JDBC batch would send them together.");
            rule(json, Breach.MAX_QUERIES, "Query budget exceeded", "A scope instance ran more statements than max-queries allows.");
            json.endArray();
            json.endObject().endObject();
            json.name("results").beginArray();
            for (Breach b : breaches) {
                result(json, b, sources);
            }
            json.endArray();
            json.endObject().endArray();
            json.endObject();
            out.write('\n');
        }
    }

    private static void rule(JsonWriter json, String id, String name, String description) throws IOException {
        json.beginObject();
        json.name("id").value(id);
        json.name("name").value(name);
        json.name("shortDescription").beginObject().name("text").value(description).endObject();
        json.name("defaultConfiguration").beginObject().name("level").value("error").endObject();
        json.endObject();
    }

    private static void result(JsonWriter json, Breach b, SourceFiles sources) throws IOException {
        json.beginObject();
        json.name("ruleId").value(b.type());
        json.name("level").value("error");
        json.name("message").beginObject().name("text").value(message(b)).endObject();
        SourceFiles.Frame frame = b.finding() != null ? SourceFiles.parse(b.finding().location()) : testClass(b.scope());
        if (frame != null) {
            json.name("locations").beginArray().beginObject();
            json.name("physicalLocation").beginObject();
            json.name("artifactLocation").beginObject().name("uri").value(sources.pathOf(frame)).endObject();
            json.name("region").beginObject().name("startLine").value(Math.max(1, frame.line)).endObject();
            json.endObject();
            json.endObject().endArray();
        }
        json.name("partialFingerprints").beginObject()
                .name("nplusoneIdentity/v1").value(Integer.toHexString(String.join("\u0000", b.identity()).hashCode()))
                .endObject();
        json.endObject();
    }

    private static String message(Breach b) {
        if (b.finding() == null) {
            return b.headline();
        }
        FindingTotal f = b.finding();
        StringBuilder text = new StringBuilder(b.headline()).append(". Statement: ").append(f.shape());
        if (f.association() != null) {
            text.append(". Association: ").append(f.association());
            if (f.associationKind() != null) {
                text.append(" (").append(f.associationKind()).append(')');
            }
        }
        if (f.jsonPath() != null) {
            text.append(". JSON path: ").append(f.jsonPath());
        }
        if (f.trigger() != null) {
            text.append(". After: ").append(f.trigger());
        }
        text.append(". Time in the database: ").append(f.timeMillis()).append(" ms");
        if (f.hint() != null) {
            text.append(". Fix: ").append(f.hint());
        }
        return text.toString();
    }

    /**
     * {@code com.acme.OrderTest#lists} names the class of a test scope; so do
     * {@code com.acme.OrderTest$WhenEmpty#lists} and {@code com.acme.PricesTest[2]#total[1]}
     * (nested classes and invocations, see docs/scopes.md), whose source is {@code OrderTest.java}.
     */
    private static SourceFiles.Frame testClass(String scope) {
        int hash = scope.indexOf('#');
        if (hash <= 0 || scope.contains(" ")) {
            return null;
        }
        String className = scope.substring(0, hash);
        int bracket = className.indexOf('[');
        if (bracket > 0) {
            className = className.substring(0, bracket);
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        if (simple.contains("$")) {
            simple = simple.substring(0, simple.indexOf('$'));
        }
        return new SourceFiles.Frame(className, simple + ".java", 1);
    }
}

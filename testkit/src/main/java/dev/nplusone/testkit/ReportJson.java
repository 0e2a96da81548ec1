package dev.nplusone.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's JSON report (docs/report-format.md) as plain maps and lists, field names as keys: no
 * record of this library has to follow the format as it grows. A module that wants its own typed
 * view binds the document to its records with {@link #as}.
 */
public final class ReportJson {

    /** Unknown fields are allowed in a typed view: the format may grow. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final Map<String, Object> root;

    private ReportJson(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    /** Reads the report; fails the test when there is no such file. */
    public static ReportJson read(Path file) {
        assertTrue(Files.isRegularFile(file), () -> "no report at " + file);
        try {
            return new ReportJson(file, JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent's report " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The whole document. */
    public Map<String, Object> root() {
        return root;
    }

    public List<Map<String, Object>> scopes() {
        return list("scopes");
    }

    public List<Map<String, Object>> findings() {
        return list("findings");
    }

    public List<String> scopeNames() {
        return scopes().stream().map(s -> (String) s.get("name")).toList();
    }

    /** The scope of that name; fails when there is none. */
    public Map<String, Object> scope(String name) {
        return scopes().stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no scope '" + name + "' in " + file + "; scopes: " + scopeNames()));
    }

    /** Findings of one type whose outermost scope has that name. */
    public List<Map<String, Object>> findings(String type, String scope) {
        return findings().stream().filter(f -> type.equals(f.get("type")) && scope.equals(f.get("scope"))).toList();
    }

    /** The document bound to a module's own records (or classes), named like the report's fields. */
    public <T> T as(Class<T> view) {
        return JSON.convertValue(root, view);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String key) {
        Object value = root.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}

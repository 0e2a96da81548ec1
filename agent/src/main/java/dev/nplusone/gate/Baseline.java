package dev.nplusone.gate;

import dev.nplusone.json.JsonReader;
import dev.nplusone.json.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The breaches a codebase already has, so that a gate adopted today fails only on new ones. A
 * query budget stays known while the scope runs no more statements than it did when recorded, so
 * the baseline only ratchets down.
 */
public final class Baseline {

    private static final int VERSION = 1;

    /** identity -> statements recorded (budgets) or 0 (findings). */
    private final Map<List<String>, Long> known;

    private Baseline(Map<List<String>, Long> known) {
        this.known = known;
    }

    public static Baseline none() {
        return new Baseline(Map.of());
    }

    public boolean knows(Breach breach) {
        Long recorded = known.get(breach.identity());
        if (recorded == null) {
            return false;
        }
        return breach.scopeTotal == null || breach.scopeTotal.maxStatements() <= recorded;
    }

    public int size() {
        return known.size();
    }

    @SuppressWarnings("unchecked")
    public static Baseline read(Path file) throws UnreadableReport {
        Object json;
        try {
            json = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreadableReport(file, "cannot read the baseline: " + e);
        } catch (IllegalArgumentException e) {
            throw new UnreadableReport(file, "the baseline is not valid JSON (" + e.getMessage() + ")");
        }
        try {
            Map<String, Object> root = (Map<String, Object>) json;
            if (!Long.valueOf(VERSION).equals(root.get("version"))) {
                throw new IllegalStateException("unknown baseline version " + root.get("version"));
            }
            Map<List<String>, Long> known = new HashMap<>();
            for (Object item : (List<Object>) root.get("breaches")) {
                Map<String, Object> b = (Map<String, Object>) item;
                String type = (String) b.get("type");
                String scope = (String) b.get("scope");
                if (type == null || scope == null) {
                    throw new IllegalStateException("an entry lacks type or scope");
                }
                if (type.equals(Breach.MAX_QUERIES)) {
                    known.put(List.of(type, scope), (Long) b.get("statements"));
                } else {
                    known.put(List.of(type, scope, (String) b.get("shape"), (String) b.get("method")), 0L);
                }
            }
            return new Baseline(known);
        } catch (ClassCastException | NullPointerException | IllegalStateException e) {
            throw new UnreadableReport(file, "not an nplusone baseline (" + e.getMessage() + ")");
        }
    }

    /** Records these breaches, replacing the file atomically enough for a build (write, then move). */
    public static void write(Path file, Collection<Breach> breaches) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                JsonWriter json = new JsonWriter(out);
                json.beginObject();
                json.name("version").value(VERSION);
                json.name("breaches").beginArray();
                for (Breach b : sorted(breaches)) {
                    json.beginObject();
                    json.name("type").value(b.type());
                    json.name("scope").value(b.scope());
                    if (b.finding() != null) {
                        json.name("shape").value(b.finding().shape());
                        json.name("method").value(Breach.method(b.finding().location()));
                    } else {
                        json.name("statements").value(b.scopeTotal().maxStatements());
                    }
                    json.endObject();
                }
                json.endArray();
                json.endObject();
                out.write('\n');
            }
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    // Stable order, so that a baseline kept in version control changes only where breaches did.
    private static List<Breach> sorted(Collection<Breach> breaches) {
        List<Breach> list = new ArrayList<>(breaches);
        list.sort((a, b) -> String.join("\u0000", a.identity()).compareTo(String.join("\u0000", b.identity())));
        return list;
    }
}

package dev.nplusone.gate;

import dev.nplusone.json.JsonReader;
import dev.nplusone.json.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The breaches a codebase already has, so that a gate adopted today fails only on new ones. A
 * query budget stays known while the scope runs no more statements than it did when recorded, so
 * the baseline only ratchets down.
 *
 * <p>A finding is known by its type, outermost scope, shape and the method of its location. An
 * entry whose location is not application code (a pool's frame, recorded when the agent found no
 * application frame) says nothing lasting about where the code is: it is known by type, scope and
 * shape alone, so that it still matches once the agent names the application's line (see
 * {@link Matches}).
 */
public final class Baseline {

    private static final int VERSION = 1;

    private final List<Entry> entries;
    private final Map<List<String>, Entry> byIdentity = new LinkedHashMap<>();

    private Baseline(List<Entry> entries) {
        this.entries = entries;
        for (Entry e : entries) {
            byIdentity.put(e.identity(), e);
        }
    }

    public static Baseline none() {
        return new Baseline(List.of());
    }

    public int size() {
        return entries.size();
    }

    /** One recorded breach. */
    public static final class Entry {
        final String type;
        final String scope;
        final String shape; // null for max_queries
        final String method; // null for max_queries
        final String locationKind; // null when not recorded (baselines written before it was reported)
        final long statements; // max_queries only

        Entry(String type, String scope, String shape, String method, String locationKind, long statements) {
            this.type = type;
            this.scope = scope;
            this.shape = shape;
            this.method = method;
            this.locationKind = locationKind;
            this.statements = statements;
        }

        List<String> identity() {
            return shape == null ? List.of(type, scope) : List.of(type, scope, shape, method);
        }

        public String type() {
            return type;
        }

        public String scope() {
            return scope;
        }

        /** The method of the recorded location, without its line. */
        public String method() {
            return method;
        }

        /** {@code framework} and any other kind but {@code application}: the recorded location was not the application's code. */
        boolean notApplicationCode() {
            return locationKind != null && !FindingTotal.APPLICATION.equals(locationKind);
        }

        boolean sameStatementAs(FindingTotal f) {
            return type.equals(f.type()) && scope.equals(f.scope()) && shape.equals(f.shape());
        }
    }

    /** An entry matched by its statement alone: it now stands for findings at the application's code. */
    public static final class Upgrade {
        public final Entry entry;
        /** Where the findings it matched are now: the application's code. */
        public final List<FindingTotal> now;

        Upgrade(Entry entry, List<FindingTotal> now) {
            this.entry = entry;
            this.now = now;
        }
    }

    /** An entry that was not application code and matched nothing in this run, and why. */
    public static final class Ignored {
        public final Entry entry;
        /** A finding of the same type, scope and statement at another location, or null when there is none. */
        public final FindingTotal elsewhere;

        Ignored(Entry entry, FindingTotal elsewhere) {
            this.entry = entry;
            this.elsewhere = elsewhere;
        }
    }

    /** Which breaches this baseline knows, and which of its entries matched by statement alone or not at all. */
    public static final class Matches {
        private final Set<Breach> known = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Upgrade> upgraded = new ArrayList<>();
        private final List<Ignored> ignored = new ArrayList<>();

        public boolean knows(Breach b) {
            return known.contains(b);
        }

        public List<Upgrade> upgraded() {
            return Collections.unmodifiableList(upgraded);
        }

        public List<Ignored> ignored() {
            return Collections.unmodifiableList(ignored);
        }
    }

    /**
     * Matches this run's breaches. An entry matches a breach of the same identity; besides:
     * <ul>
     * <li>an entry whose location was not application code ({@code locationKind} other than
     * {@code application}) matches every finding of its type, scope and shape;</li>
     * <li>an entry without {@code locationKind} (an older baseline), whose method no finding of
     * its type, scope and shape has any more, matches those of them that are at application code:
     * its location was a frame the agent no longer reports, such as a pool's.</li>
     * </ul>
     * Such an entry is reported as upgraded when it matched findings at application code, and as
     * ignored when it matched nothing although it was not application code or a finding of its
     * statement is elsewhere.
     */
    public Matches match(List<Breach> breaches) {
        Matches m = new Matches();
        Set<Entry> exact = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Breach b : breaches) {
            Entry e = byIdentity.get(b.identity());
            if (e != null && (b.scopeTotal() == null || b.scopeTotal().maxStatements() <= e.statements)) {
                m.known.add(b);
                exact.add(e);
            }
        }
        for (Entry e : entries) {
            if (e.shape == null || exact.contains(e) || FindingTotal.APPLICATION.equals(e.locationKind)) {
                continue;
            }
            List<Breach> sameStatement = new ArrayList<>();
            List<FindingTotal> atApplication = new ArrayList<>();
            for (Breach b : breaches) {
                if (b.finding() != null && e.sameStatementAs(b.finding())) {
                    sameStatement.add(b);
                    if (b.finding().atApplicationCode()) {
                        atApplication.add(b.finding());
                    }
                }
            }
            if (e.notApplicationCode()) {
                m.known.addAll(sameStatement);
                if (!atApplication.isEmpty()) {
                    m.upgraded.add(new Upgrade(e, atApplication));
                } else if (sameStatement.isEmpty()) {
                    m.ignored.add(new Ignored(e, null));
                }
            } else if (!atApplication.isEmpty()) {
                for (Breach b : sameStatement) {
                    if (b.finding().atApplicationCode()) {
                        m.known.add(b);
                    }
                }
                m.upgraded.add(new Upgrade(e, atApplication));
            } else if (!sameStatement.isEmpty()) {
                // The reports do not say whether the new location is application code: a move between two
                // methods of the application is a new finding, so nothing matches.
                m.ignored.add(new Ignored(e, sameStatement.get(0).finding()));
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Baseline read(Path file) throws UnreadableReport {
        Object json;
        try {
            json = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UnreadableReport(file, "no such baseline file");
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
            List<Entry> entries = new ArrayList<>();
            for (Object item : (List<Object>) root.get("breaches")) {
                Map<String, Object> b = (Map<String, Object>) item;
                String type = (String) b.get("type");
                String scope = (String) b.get("scope");
                if (type == null || scope == null) {
                    throw new IllegalStateException("an entry lacks type or scope");
                }
                if (type.equals(Breach.MAX_QUERIES)) {
                    entries.add(new Entry(type, scope, null, null, null, (Long) b.get("statements")));
                } else {
                    String shape = (String) b.get("shape");
                    String method = (String) b.get("method");
                    if (shape == null || method == null) {
                        throw new IllegalStateException("an entry of type " + type + " lacks shape or method");
                    }
                    entries.add(new Entry(type, scope, shape, method, (String) b.get("locationKind"), 0));
                }
            }
            return new Baseline(entries);
        } catch (ClassCastException | NullPointerException | IllegalStateException e) {
            throw new UnreadableReport(file, "not an nplusone baseline (" + e.getMessage() + ")");
        }
    }

    /**
     * Records these breaches, replacing the file atomically enough for a build (write, then move).
     *
     * @return how many entries it holds: one per identity
     */
    public static int write(Path file, Collection<Breach> breaches) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        int written;
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                JsonWriter json = new JsonWriter(out);
                json.beginObject();
                json.name("version").value(VERSION);
                json.name("breaches").beginArray();
                List<Breach> entries = sorted(breaches);
                written = entries.size();
                for (Breach b : entries) {
                    json.beginObject();
                    json.name("type").value(b.type());
                    json.name("scope").value(b.scope());
                    if (b.finding() != null) {
                        json.name("shape").value(b.finding().shape());
                        json.name("method").value(Breach.method(b.finding().location()));
                        if (b.finding().locationKind() != null) {
                            json.name("locationKind").value(b.finding().locationKind());
                        }
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
        return written;
    }

    // Stable order, so that a baseline kept in version control changes only where breaches did. Two
    // breaches of one identity (the same method at two lines) are one entry.
    private static List<Breach> sorted(Collection<Breach> breaches) {
        Map<String, Breach> unique = new java.util.TreeMap<>();
        for (Breach b : breaches) {
            unique.putIfAbsent(String.join("\u0000", b.identity()), b);
        }
        return new ArrayList<>(unique.values());
    }
}

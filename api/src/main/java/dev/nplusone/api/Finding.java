package dev.nplusone.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An N+1, a duplicate query or batchable writes found in one scope instance. The fields are those of a finding in the
 * agent's JSON report ({@code docs/report-format.md}), for this one instance. Immutable.
 */
public final class Finding {

    /** The three rules; {@link #json()} is the name the JSON report uses. */
    public enum Type {
        /** One statement shape run repeatedly from one call site with differing parameters. */
        N_PLUS_ONE("n_plus_one"),
        /** The same statement with the same parameters run more than once. */
        DUPLICATE("duplicate"),
        /** One insert, update, delete or merge run repeatedly from one call site: one JDBC batch would do. */
        BATCHABLE("batchable");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        static Type ofJson(String json) {
            for (Type t : values()) {
                if (t.json.equals(json)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown finding type '" + json + "'");
        }
    }

    private final Type type;
    private final List<String> path;
    private final String shape;
    private final int repetitions;
    private final String location;
    private final String locationKind;
    private final List<String> stack;
    private final String trigger;
    private final String association;
    private final String jsonPath;
    private final String hint;
    private final long timeMillis;
    private final String parameters;

    private Finding(Type type, List<String> path, String shape, int repetitions, String location, String locationKind,
                    List<String> stack, String trigger, String association, String jsonPath, String hint, long timeMillis, String parameters) {
        this.type = type;
        this.path = path;
        this.shape = shape;
        this.repetitions = repetitions;
        this.location = location;
        this.locationKind = locationKind;
        this.stack = stack;
        this.trigger = trigger;
        this.association = association;
        this.jsonPath = jsonPath;
        this.hint = hint;
        this.timeMillis = timeMillis;
        this.parameters = parameters;
    }

    /** From one of the agent's finding maps (see {@code Bridge.closeScopeWithResult}). */
    static Finding of(Map<String, Object> m) {
        return new Finding(Type.ofJson((String) m.get("type")), strings(m.get("path")), (String) m.get("shape"),
                ((Number) m.get("repetitions")).intValue(), (String) m.get("location"), (String) m.get("locationKind"),
                strings(m.get("stack")),
                (String) m.get("trigger"), (String) m.get("association"), (String) m.get("jsonPath"), (String) m.get("hint"),
                ((Number) m.get("timeMillis")).longValue(), (String) m.get("parameters"));
    }

    private static List<String> strings(Object list) {
        List<String> copy = new ArrayList<>();
        for (Object item : (List<?>) list) {
            copy.add((String) item);
        }
        return Collections.unmodifiableList(copy);
    }

    public Type type() {
        return type;
    }

    /** The outermost scope's name. */
    public String scope() {
        return path.get(0);
    }

    /** Scope names from the outermost to the one the statements ran in. */
    public List<String> path() {
        return path;
    }

    /** The statement's shape: its SQL with the values taken out. */
    public String shape() {
        return shape;
    }

    /** Executions in the group, the first included. */
    public int repetitions() {
        return repetitions;
    }

    /** The first application frame: {@code com.acme.Mapper.toDto(Mapper.java:42)}. */
    public String location() {
        return location;
    }

    /**
     * {@code application} when {@link #location()} is the application's own code; {@code framework}
     * when the stack had no application frame and the location is the framework frame nearest to the
     * database.
     */
    public String locationKind() {
        return locationKind;
    }

    /** Application frames, innermost first (framework frames when there were none); may be empty when the JVM hid them. */
    public List<String> stack() {
        return stack;
    }

    /** The shape executed just before the repeated ones, usually the query that loaded the parents; may be null. */
    public String trigger() {
        return trigger;
    }

    /** The ORM association whose lazy loading ran the statements ({@code com.acme.Event.attendees}); may be null. */
    public String association() {
        return association;
    }

    /** The JSON property being written when the statements ran ({@code $[*].attendees}); may be null. */
    public String jsonPath() {
        return jsonPath;
    }

    /** A one-line suggestion for the fix; may be null. */
    public String hint() {
        return hint;
    }

    /** Time the executions spent in the database, in milliseconds. */
    public long timeMillis() {
        return timeMillis;
    }

    /** Parameter values of one execution when the agent's {@code params} option is on; else null. */
    public String parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return type.json() + " x" + repetitions + " at " + location + ": " + shape;
    }
}

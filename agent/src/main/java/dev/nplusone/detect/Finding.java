package dev.nplusone.detect;

import java.util.List;

/** One problem found in one scope instance. Immutable. */
public final class Finding {

    /** The JSON names of the three rules. */
    public enum Type {
        N_PLUS_ONE("n_plus_one"), DUPLICATE("duplicate"), BATCHABLE("batchable");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    private final Type type;
    private final List<String> path;
    private final String shape;
    private final int repetitions;
    private final int executions;
    private final CallStack stack;
    private final String trigger;
    private final long nanos;
    private final String parameters;
    private final Attribution attribution;
    private final String hint;

    /** A finding at these application frames (innermost first), without association or hint. */
    public Finding(Type type, List<String> path, String shape, int repetitions, List<String> stack, String trigger,
                   long nanos, String parameters) {
        this(type, path, shape, repetitions, repetitions, new CallStack(stack, true), trigger, nanos, parameters,
                Attribution.NONE, null);
    }

    /**
     * @param attribution the association and JSON path the statements belonged to ({@link Attribution#NONE} when none)
     * @param hint        the suggested fix, one line; may be null
     */
    public Finding(Type type, List<String> path, String shape, int repetitions, CallStack stack, String trigger,
                   long nanos, String parameters, Attribution attribution, String hint) {
        this(type, path, shape, repetitions, repetitions, stack, trigger, nanos, parameters, attribution, hint);
    }

    private Finding(Type type, List<String> path, String shape, int repetitions, int executions, CallStack stack,
                    String trigger, long nanos, String parameters, Attribution attribution, String hint) {
        this.executions = executions;
        this.attribution = attribution == null ? Attribution.NONE : attribution;
        this.hint = hint;
        this.type = type;
        this.path = List.copyOf(path);
        this.shape = shape;
        this.repetitions = repetitions;
        this.stack = stack;
        this.trigger = trigger;
        this.nanos = nanos;
        this.parameters = parameters;
    }

    /**
     * This finding and another of the same type, location and shape in the same scope instance (one
     * helper's loop reached from two call sites), as one: the larger group's repetitions, all the
     * executions and all the time.
     */
    Finding plus(Finding other) {
        return new Finding(type, path, shape, Math.max(repetitions, other.repetitions), executions + other.executions,
                stack, trigger, nanos + other.nanos,
                parameters != null ? parameters : other.parameters,
                attribution.association() != null || attribution.jsonPath() != null ? attribution : other.attribution,
                hint != null ? hint : other.hint);
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

    public String shape() {
        return shape;
    }

    /** Executions in the group, the first included. */
    public int repetitions() {
        return repetitions;
    }

    /** Executions at this location in the scope instance, over all the call sites that reach it. */
    public int executions() {
        return executions;
    }

    /**
     * Application frames, innermost first, or, when the stack had none, the framework frames nearest
     * to the database (see {@link #locationKind()}); may be empty when the JVM hid them.
     */
    public List<String> stack() {
        return stack.frames();
    }

    public String location() {
        return stack.frames().isEmpty() ? "(unknown)" : stack.frames().get(0);
    }

    /** {@code application}, or {@code framework} when no application frame was on the stack. */
    public String locationKind() {
        return stack.locationKind();
    }

    /**
     * The query that loaded the parent rows, as far as the scope shows it: the shape executed last
     * before the repeated ones, leaving out lazy loads of other associations and other loops over
     * the same parents (see {@code docs/detection.md}); null when none ran before them in the scope.
     */
    public String trigger() {
        return trigger;
    }

    /** The ORM association whose lazy load ran the statements; null for plain JDBC or when not known. */
    public Association association() {
        return attribution.association();
    }

    /** The JSON property path a serializer was writing when they ran; null outside a serialization. */
    public String jsonPath() {
        return attribution.jsonPath();
    }

    /** The suggested fix, one line. */
    public String hint() {
        return hint;
    }

    /** Time the group's executions spent in the driver. */
    public long nanos() {
        return nanos;
    }

    /** Parameter values of one execution, only when the {@code params} option is on; else null. */
    public String parameters() {
        return parameters;
    }
}

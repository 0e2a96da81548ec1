package dev.nplusone.api;

/**
 * The names of the JSON report's fields (see {@code docs/report-format.md}), defined once for
 * everything that writes or reads a report: the agent's writer, the build gate, the command line,
 * and this API's {@link ScopeResult} and {@link Finding}. A contract: fields are added, never renamed
 * or removed, and {@link #VERSION} rises only for an incompatible change.
 *
 * <p>Constants only, so that the agent, which compiles against them, needs none of this API at run time.
 */
public final class ReportFormat {

    /** The format version a report carries in {@link Report#VERSION}. */
    public static final int VERSION = 1;

    private ReportFormat() {
    }

    /** Top-level fields. */
    public static final class Report {
        public static final String VERSION = "version";
        public static final String GENERATED = "generated";
        public static final String PID = "pid";
        public static final String THRESHOLD = "threshold";
        public static final String SUMMARY = "summary";
        public static final String SCOPES = "scopes";
        public static final String FINDINGS = "findings";

        private Report() {
        }
    }

    /** Fields of {@code summary}. */
    public static final class Summary {
        public static final String SCOPES = "scopes";
        public static final String SCOPE_INSTANCES = "scopeInstances";
        public static final String STATEMENTS = "statements";
        public static final String UNSCOPED = "unscoped";
        public static final String FINDINGS = "findings";
        /** Scope instances whose detail reached the {@code scope-memory} budget: they counted on, but kept no more detail. */
        public static final String CAPPED_SCOPE_INSTANCES = "cappedScopeInstances";
        /** Exceptions the agent caught inside itself (each kind logged once); the application never saw them. 0 normally. */
        public static final String AGENT_ERRORS = "agentErrors";

        private Summary() {
        }
    }

    /** Fields of each entry of {@code scopes}, and of a scope's result. */
    public static final class Scope {
        public static final String NAME = "name";
        public static final String KIND = "kind";
        public static final String INSTANCES = "instances";
        /** An object of {@link #TOTAL} and {@link #MAX} in the report; a number in one scope's result. */
        public static final String STATEMENTS = "statements";
        public static final String TOTAL = "total";
        public static final String MAX = "max";
        /** Only in one scope's result: its findings. */
        public static final String FINDINGS = "findings";

        private Scope() {
        }
    }

    /** Fields of each entry of {@code findings}. */
    public static final class Finding {
        public static final String TYPE = "type";
        public static final String SCOPE = "scope";
        public static final String PATH = "path";
        public static final String SHAPE = "shape";
        public static final String REPETITIONS = "repetitions";
        public static final String OCCURRENCES = "occurrences";
        public static final String TOTAL_REPETITIONS = "totalRepetitions";
        public static final String LOCATION = "location";
        public static final String LOCATION_KIND = "locationKind";
        public static final String STACK = "stack";
        public static final String TRIGGER = "trigger";
        public static final String ASSOCIATION = "association";
        public static final String ASSOCIATION_KIND = "associationKind";
        public static final String JSON_PATH = "jsonPath";
        public static final String HINT = "hint";
        public static final String TIME_MILLIS = "timeMillis";
        public static final String PARAMETERS = "parameters";

        /** Values of {@link #TYPE}. */
        public static final String N_PLUS_ONE = "n_plus_one";
        public static final String DUPLICATE = "duplicate";
        public static final String BATCHABLE = "batchable";

        /** Values of {@link #LOCATION_KIND}. */
        public static final String APPLICATION = "application";
        public static final String FRAMEWORK = "framework";

        private Finding() {
        }
    }
}

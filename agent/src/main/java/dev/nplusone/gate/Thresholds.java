package dev.nplusone.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What fails the build: one vocabulary for the agent's options, the {@code check} command, the
 * Maven plugin and the JUnit extension (see {@code docs/build-gate.md}).
 *
 * <pre>
 * fail-on-n-plus-one=true            an N+1 finding fails (default true)
 * fail-on-duplicate=false            a duplicate finding fails (default false)
 * fail-on-batchable=false            a batchable-writes finding fails (default false)
 * max-queries=50                     statements allowed in one scope instance (default: no limit)
 * max-queries[GET /reports/**]=200   the same keys, for the scopes whose name matches the glob
 * </pre>
 *
 * <p>When several overrides match a scope, the last one given wins. A finding is judged by the
 * scopes it ran in, innermost first: an override for {@code GET /legacy/**} applies to an N+1 in
 * that request even when a test method called it.
 */
public final class Thresholds {

    public static final String FAIL_ON_N_PLUS_ONE = "fail-on-n-plus-one";
    public static final String FAIL_ON_DUPLICATE = "fail-on-duplicate";
    public static final String FAIL_ON_BATCHABLE = "fail-on-batchable";
    public static final String MAX_QUERIES = "max-queries";

    /** No limit on statements per scope instance. */
    public static final long UNLIMITED = -1;

    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put(FAIL_ON_N_PLUS_ONE, "true or false: an N+1 finding fails the check (default true)");
        KEYS.put(FAIL_ON_DUPLICATE, "true or false: a duplicate finding fails the check (default false)");
        KEYS.put(FAIL_ON_BATCHABLE, "true or false: a batchable-writes finding fails the check (default false)");
        KEYS.put(MAX_QUERIES, "a whole number >= 0: statements allowed in one scope instance (default: no limit)");
    }

    /** The fail-on key that judges each finding type of the report, and its default. */
    private static final Map<String, String> FAIL_ON_KEY_OF_TYPE = Map.of(
            "n_plus_one", FAIL_ON_N_PLUS_ONE, "duplicate", FAIL_ON_DUPLICATE, "batchable", FAIL_ON_BATCHABLE);
    private static final Map<String, Boolean> FAIL_ON_DEFAULTS = Map.of(
            FAIL_ON_N_PLUS_ONE, true, FAIL_ON_DUPLICATE, false, FAIL_ON_BATCHABLE, false);

    /** fail-on key -> value given without a scope pattern (or its default). */
    private final Map<String, Boolean> failOn;
    private final long maxQueries;
    private final List<Rule> overrides;

    private Thresholds(Map<String, Boolean> failOn, long maxQueries, List<Rule> overrides) {
        this.failOn = failOn;
        this.maxQueries = maxQueries;
        this.overrides = overrides;
    }

    /** The defaults: N+1 findings fail, duplicates and batchable writes do not, no query budget. */
    public static Thresholds defaults() {
        return new Thresholds(FAIL_ON_DEFAULTS, UNLIMITED, Collections.emptyList());
    }

    /** True when {@code key} (the part before '=') is a threshold key, with or without a scope pattern. */
    public static boolean isKey(String key) {
        return KEYS.containsKey(baseKey(key.trim()));
    }

    /** The keys and what each allows, for help texts. */
    public static Map<String, String> keys() {
        return Collections.unmodifiableMap(KEYS);
    }

    /**
     * Reads {@code key=value} and {@code key[pattern]=value} entries, later ones winning.
     *
     * @throws IllegalArgumentException naming the entry and what it allows
     */
    public static Thresholds parse(List<String> entries) {
        Map<String, Boolean> failOn = new LinkedHashMap<>(FAIL_ON_DEFAULTS);
        long queries = UNLIMITED;
        List<Rule> overrides = new ArrayList<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=', entry.lastIndexOf(']') + 1);
            if (eq < 0) {
                throw new IllegalArgumentException("threshold '" + entry + "' has no value: write key=value or key[scope pattern]=value");
            }
            String key = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            String base = baseKey(key);
            if (!KEYS.containsKey(base)) {
                throw new IllegalArgumentException("unknown threshold '" + key + "'; known: " + String.join(", ", KEYS.keySet())
                        + ", each also as key[scope pattern]");
            }
            Object parsed = value(base, value);
            if (base.equals(key)) {
                if (base.equals(MAX_QUERIES)) {
                    queries = (Long) parsed;
                } else {
                    failOn.put(base, (Boolean) parsed);
                }
            } else {
                if (!key.endsWith("]") || key.indexOf('[') != base.length()) {
                    throw new IllegalArgumentException("threshold '" + key + "': write " + base + "[scope pattern]=value");
                }
                String glob = key.substring(base.length() + 1, key.length() - 1).trim();
                if (glob.isEmpty()) {
                    throw new IllegalArgumentException("threshold '" + key + "' has an empty scope pattern");
                }
                overrides.add(new Rule(base, new ScopePattern(glob), parsed));
            }
        }
        return new Thresholds(Collections.unmodifiableMap(failOn), queries, Collections.unmodifiableList(overrides));
    }

    /**
     * Whether a finding of this type ({@code n_plus_one}, {@code duplicate}, {@code batchable}) in
     * these scopes (outermost first) fails. A type this check does not know (from a newer agent)
     * fails nothing: no threshold was set for it.
     */
    public boolean failsOn(String findingType, List<String> path) {
        String key = FAIL_ON_KEY_OF_TYPE.get(findingType);
        if (key == null) {
            return false;
        }
        Rule o = decisive(key, path);
        return o != null ? (Boolean) o.value : failOn.get(key);
    }

    /**
     * The setting that decided {@link #failsOn}, for messages: {@code fail-on-duplicate=false},
     * {@code fail-on-n-plus-one[GET /legacy/**]=false}; null for a type this check does not know.
     */
    public String failsOnSource(String findingType, List<String> path) {
        String key = FAIL_ON_KEY_OF_TYPE.get(findingType);
        if (key == null) {
            return null;
        }
        Rule o = decisive(key, path);
        return o != null ? key + "[" + o.pattern + "]=" + o.value : key + "=" + failOn.get(key);
    }

    // The innermost scope of the path that an override matches decides.
    private Rule decisive(String key, List<String> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            Rule o = lastMatch(key, path.get(i));
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** Statements allowed in one instance of the scope of that name, or {@link #UNLIMITED}. */
    public long maxQueries(String scopeName) {
        Rule o = lastMatch(MAX_QUERIES, scopeName);
        return o != null ? (Long) o.value : maxQueries;
    }

    /** How the budget for that scope was set, for messages: {@code max-queries[GET /reports/**]} or {@code max-queries}. */
    public String maxQueriesSource(String scopeName) {
        Rule o = lastMatch(MAX_QUERIES, scopeName);
        return o != null ? MAX_QUERIES + "[" + o.pattern + "]" : MAX_QUERIES;
    }

    /** True when nothing but the defaults is in force. */
    public boolean isDefault() {
        return failOn.equals(FAIL_ON_DEFAULTS) && maxQueries == UNLIMITED && overrides.isEmpty();
    }

    private Rule lastMatch(String key, String scopeName) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            Rule o = overrides.get(i);
            if (o.key.equals(key) && o.pattern.matches(scopeName)) {
                return o;
            }
        }
        return null;
    }

    private static String baseKey(String key) {
        int bracket = key.indexOf('[');
        return (bracket < 0 ? key : key.substring(0, bracket)).trim();
    }

    private static Object value(String key, String value) {
        if (key.equals(MAX_QUERIES)) {
            try {
                long n = Long.parseLong(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        } else {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                case "yes":
                case "on":
                    return Boolean.TRUE;
                case "false":
                case "no":
                case "off":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("bad value '" + value + "' for threshold '" + key + "': expected " + KEYS.get(key));
    }

    private static final class Rule {
        final String key;
        final ScopePattern pattern;
        final Object value;

        Rule(String key, ScopePattern pattern, Object value) {
            this.key = key;
            this.pattern = pattern;
            this.value = value;
        }
    }
}

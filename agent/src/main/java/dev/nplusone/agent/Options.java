package dev.nplusone.agent;

import dev.nplusone.detect.ScopeStatements;

import dev.nplusone.gate.Thresholds;
import dev.nplusone.report.ReportTarget;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's settings, from {@code -javaagent:nplusone-agent.jar=key=value,...} and from
 * {@code -Dnplusone.key=value}. An argument given to the agent wins over a system property.
 *
 * <p>Every key is documented in {@code docs/options.md}; a key or value outside what is listed
 * there is refused with one line naming the key and what it allows.
 */
public final class Options {

    public static final String PROPERTY_PREFIX = "nplusone.";

    /** How much the agent writes to its log. */
    public enum Log {
        /** Nothing at all. */
        OFF,
        /** Only the summary at JVM exit. */
        SUMMARY,
        /** A block per new finding, a short line when it is seen again, and the summary. */
        FINDINGS,
        /** As FINDINGS, plus one debug line per statement (its shape and scope). */
        STATEMENTS
    }

    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("report", "a file path for the JSON report (%p stands for the process id), or a directory ending in '/'"
                + " where each JVM writes nplusone-<pid>-<start>.json");
        KEYS.put("report-every", "a period such as 30s, 5m or 1h (at least 1s; default: only at exit): also write the report that often,"
                + " so that a JVM killed without its shutdown hooks leaves a recent one");
        KEYS.put("threshold", "a whole number from 2 to 1000: executions from one call site that make an N+1 (default 3)");
        KEYS.put("packages", "application package prefixes, separated by ';' (or ',' in a system property)");
        KEYS.put("params", "true or false: show SQL parameter values in logs and reports (default false)");
        KEYS.put("log", "off, summary, findings or statements (default findings)");
        KEYS.put("log-file", "a file path for the agent's log (default: standard error)");
        KEYS.put("scope-memory", "a size such as 32m, 512k or 1g (at least 64k; default 32m): the detail one scope instance may keep;"
                + " past it the scope goes on counting statements but keeps no more detail");
    }

    private final Path report;
    private final int threshold;
    private final List<String> packages;
    private final boolean params;
    private final Log log;
    private final Path logFile;
    private final long reportEverySeconds;
    private final long scopeMemory;
    private final Thresholds thresholds;
    private final boolean thresholdsGiven;

    private Options(Map<String, String> values, List<String> thresholdEntries) {
        this.report = ReportTarget.resolve(values.get("report"));
        this.threshold = threshold(values.get("threshold"));
        this.packages = packages(values.get("packages"));
        this.params = bool("params", values.get("params"), false);
        this.log = log(values.get("log"));
        this.logFile = path(values.get("log-file"));
        this.reportEverySeconds = seconds("report-every", values.get("report-every"));
        this.scopeMemory = size("scope-memory", values.get("scope-memory"), ScopeStatements.DEFAULT_MEMORY, MIN_SCOPE_MEMORY);
        this.thresholds = Thresholds.parse(thresholdEntries);
        this.thresholdsGiven = !thresholdEntries.isEmpty();
    }

    /**
     * Reads the agent argument string and the {@code nplusone.*} system properties.
     *
     * @throws IllegalArgumentException with a message fit to show the user as it is
     */
    public static Options parse(String agentArguments, Properties systemProperties) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> thresholds = new ArrayList<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                String key = name.substring(PROPERTY_PREFIX.length());
                if (Thresholds.isKey(key)) {
                    thresholds.add(key + "=" + systemProperties.getProperty(name).trim());
                } else {
                    values.put(known(key, "system property -D" + name), systemProperties.getProperty(name).trim());
                }
            }
        }
        if (agentArguments != null && !agentArguments.isBlank()) {
            for (String pair : agentArguments.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("agent option '" + pair.trim() + "' has no value: write key=value"
                            + " (inside -javaagent, separate package prefixes with ';')");
                }
                String key = pair.substring(0, eq).trim();
                if (Thresholds.isKey(key)) {
                    // max-queries[GET /a=b]=3: the value follows the '=' after the pattern
                    thresholds.add(pair.trim());
                } else {
                    values.put(known(key, "agent option"), pair.substring(eq + 1).trim());
                }
            }
        }
        return new Options(values, thresholds);
    }

    private static String known(String key, String where) {
        if (!KEYS.containsKey(key)) {
            throw new IllegalArgumentException("unknown " + where + " '" + key + "'; known keys: " + String.join(", ", KEYS.keySet())
                    + ", and the thresholds " + String.join(", ", Thresholds.keys().keySet()));
        }
        return key;
    }

    private static IllegalArgumentException bad(String key, String value) {
        return new IllegalArgumentException("bad value '" + value + "' for option '" + key + "': expected " + KEYS.get(key));
    }

    private static Path path(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Paths.get(value.replace("%p", Long.toString(ProcessHandle.current().pid())));
    }

    private static int threshold(String value) {
        if (value == null) {
            return 3;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 2 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad("threshold", value);
    }

    private static final long MIN_SCOPE_MEMORY = 64 << 10;

    /** {@code 32m}, {@code 512k}, {@code 1g}, {@code 1048576}: bytes, in binary units. */
    private static long size(String key, String value, long fallback, long minimum) {
        if (value == null) {
            return fallback;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})([kmg]?)b?").matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            int shift = m.group(2).isEmpty() ? 0 : 10 * ("kmg".indexOf(m.group(2)) + 1);
            long bytes = Long.parseLong(m.group(1)) << shift;
            if (bytes >= minimum) {
                return bytes;
            }
        }
        throw bad(key, value);
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}: seconds; 0 when not given. */
    private static long seconds(String key, String value) {
        if (value == null) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})([smh])").matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
            return Long.parseLong(m.group(1)) * (m.group(2).equals("s") ? 1 : m.group(2).equals("m") ? 60 : 3600);
        }
        throw bad(key, value);
    }

    private static List<String> packages(String value) {
        if (value == null) {
            return Collections.emptyList();
        }
        List<String> prefixes = new ArrayList<>();
        for (String prefix : value.split("[;,]")) {
            String p = prefix.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("[\\p{javaJavaIdentifierPart}.$]+")) {
                throw bad("packages", value);
            }
            prefixes.add(p.endsWith(".") ? p : p + ".");
        }
        return Collections.unmodifiableList(prefixes);
    }

    private static boolean bool(String key, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "on":
            case "yes":
                return true;
            case "false":
            case "off":
            case "no":
                return false;
            default:
                throw bad(key, value);
        }
    }

    private static Log log(String value) {
        if (value == null) {
            return Log.FINDINGS;
        }
        try {
            return Log.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("log", value);
        }
    }

    /** Where the JSON report goes at exit; null for none. */
    public Path report() {
        return report;
    }

    /** How often the report is also written while the JVM runs, in seconds; 0 for only at exit. */
    public long reportEverySeconds() {
        return reportEverySeconds;
    }

    public int threshold() {
        return threshold;
    }

    /** Bytes of detail one scope instance may keep. */
    public long scopeMemory() {
        return scopeMemory;
    }

    /** Package prefixes, each ending with a dot. */
    public List<String> packages() {
        return packages;
    }

    public boolean params() {
        return params;
    }

    public Log log() {
        return log;
    }

    /** The agent's log file; null for standard error. */
    public Path logFile() {
        return logFile;
    }

    /** The thresholds given as options (else the defaults), judged at exit. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** True when any threshold was given: only then does the exit summary judge them. */
    public boolean thresholdsGiven() {
        return thresholdsGiven;
    }

    /** The keys and what each allows, for help texts. */
    public static Map<String, String> keys() {
        return Collections.unmodifiableMap(KEYS);
    }
}

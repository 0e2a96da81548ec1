package dev.nplusone.jdbc;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameter values bound to one prepared statement, kept as one hash per parameter: enough to
 * tell two executions with the same values from two with different ones, without keeping the
 * values. The values themselves are kept only when the user asked for them ({@code params=true}):
 * they are often personal data.
 *
 * <p>A value set again replaces the one before, as in the driver; values stay bound across
 * executions until cleared. Confined to the statement's thread, as JDBC statements are.
 */
final class Parameters {

    static final int MAX_TEXT = 200;

    private final boolean keepValues;
    private long[] hashes = new long[8];
    private Object[] values;
    private int count;
    /** A callable statement's parameters set by name: rare, so made on first use. */
    private Map<String, Object> named;

    Parameters(boolean keepValues) {
        this.keepValues = keepValues;
        this.values = keepValues ? new Object[8] : null;
    }

    void set(Object indexOrName, Object value) {
        if (!(indexOrName instanceof Integer)) {
            if (named == null) {
                named = new TreeMap<>();
            }
            named.put(String.valueOf(indexOrName), keepValues ? value : (Object) valueHash(value));
            return;
        }
        int i = (Integer) indexOrName - 1;
        if (i < 0) {
            return; // the driver rejected it already
        }
        if (i >= hashes.length) {
            int length = Math.max(i + 1, hashes.length * 2);
            hashes = Arrays.copyOf(hashes, length);
            values = keepValues ? Arrays.copyOf(values, length) : null;
        }
        hashes[i] = mix(valueHash(value), 0x5DEECE66DL) | 1; // never 0: 0 is a parameter not set
        if (keepValues) {
            values[i] = value;
        }
        count = Math.max(count, i + 1);
    }

    void clear() {
        Arrays.fill(hashes, 0, count, 0L);
        if (keepValues) {
            Arrays.fill(values, 0, count, null);
        }
        count = 0;
        named = null;
    }

    /** A hash of the values bound now, in parameter order. */
    long hash() {
        long h = 0;
        for (int i = 0; i < count; i++) {
            h = mix(h, hashes[i]);
        }
        if (named != null) {
            for (Map.Entry<String, Object> e : named.entrySet()) {
                h = mix(mix(h, e.getKey().hashCode()), keepValues ? valueHash(e.getValue()) : (Integer) e.getValue());
            }
        }
        return h;
    }

    /** The values bound now, as text: {@code [1, 'x']}, cut at {@value #MAX_TEXT} characters; empty unless values are kept. */
    String text() {
        StringBuilder sb = new StringBuilder("[");
        if (keepValues) {
            for (int i = 0; i < count && sb.length() <= MAX_TEXT; i++) {
                append(sb.append(i > 0 ? ", " : ""), values[i]);
            }
            if (named != null) {
                for (Object value : named.values()) {
                    append(sb.append(sb.length() > 1 ? ", " : ""), value);
                }
            }
            if (sb.length() > MAX_TEXT) {
                sb.setLength(MAX_TEXT);
                sb.append("...");
            }
        }
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, Object value) {
        sb.append(value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value));
    }

    static int valueHash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof byte[]) {
            return Arrays.hashCode((byte[]) value);
        }
        if (value instanceof Object[]) {
            return Arrays.deepHashCode((Object[]) value);
        }
        if (value instanceof Number || value instanceof CharSequence || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof java.time.temporal.Temporal
                || value instanceof java.util.UUID || value instanceof Character || value instanceof Enum) {
            return value.hashCode();
        }
        // Streams, LOBs and application types: identity, so two of them never look identical.
        return System.identityHashCode(value);
    }

    static long mix(long h, long v) {
        h = (h ^ v) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}

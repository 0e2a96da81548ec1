package dev.nplusone.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles: the only statistics a noisy shared machine supports honestly. */
public final class Stats {

    private Stats() {
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile of an ascending array; {@code p} in (0, 100]. */
    public static long percentile(long[] ascending, double p) {
        if (ascending.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(0, Math.min(ascending.length - 1, rank - 1))];
    }

    /** The smallest and largest value, for a "spread" column that says how far to trust a median. */
    public static String range(List<Double> values, String format) {
        if (values.size() < 2) {
            return "";
        }
        return String.format(format, Collections.min(values)) + " to " + String.format(format, Collections.max(values));
    }
}

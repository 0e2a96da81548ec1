package dev.nplusone.bench;

import java.util.ArrayList;
import java.util.List;

/** The one table the run prints: a row per figure, with its target beside it when the issue set one. */
public final class Table {

    /**
     * One figure.
     *
     * @param measure       which of the five questions it answers
     * @param configuration what ran
     * @param median        the figure, formatted with its unit
     * @param versus        against the baseline of the same rounds (ratio or added cost); may be empty
     * @param detail        what else helps to read it (spread, allocation, percentiles); may be empty
     * @param target        the target it is held to; empty when none
     * @param met           "yes", "no" or empty when there is no target
     */
    public record Row(String measure, String configuration, String median, String versus, String detail, String target, String met) {
        public static Row figure(String measure, String configuration, String median, String versus, String detail) {
            return new Row(measure, configuration, median, versus, detail, "", "");
        }

        public static Row target(String measure, String configuration, String median, String versus, String detail,
                                 String target, boolean met) {
            return new Row(measure, configuration, median, versus, detail, target, met ? "yes" : "NO");
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
    }

    /** A line printed under the table: the conditions the figures were taken in. */
    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized String markdown() {
        String[] header = {"measure", "configuration", "median", "vs baseline", "detail", "target", "met"};
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(new String[] {r.measure(), r.configuration(), r.median(), r.versus(), r.detail(), r.target(), r.met()});
        }
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : cells) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        line(out, rule, width);
        for (String[] row : cells) {
            line(out, row, width);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append(note).append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            out.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" |");
        }
        out.append('\n');
    }
}

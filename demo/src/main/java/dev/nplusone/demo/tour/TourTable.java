package dev.nplusone.demo.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tour's results as a Markdown table, padded so that it also reads well in a terminal. */
final class TourTable {

    /** One endpoint, measured in both versions. */
    record Row(String endpoint, Measured naive, Measured eager) {

        double speedup() {
            return naive.medianMillis() / eager.medianMillis();
        }

        boolean sameJson() {
            return naive.body().equals(eager.body());
        }
    }

    /** One version of an endpoint: statements per request, median latency, and the JSON it answered. */
    record Measured(long statements, double medianMillis, String body) {
    }

    private static final List<String> HEADER = List.of(
            "endpoint", "naive statements", "eager statements", "naive ms", "eager ms", "speedup", "same output");

    /** Numbers align right, text left. */
    private static final boolean[] RIGHT = {false, true, true, true, true, true, false};

    private TourTable() {
    }

    static String render(List<Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : rows) {
            lines.add(List.of(
                    row.endpoint(),
                    Long.toString(row.naive().statements()),
                    Long.toString(row.eager().statements()),
                    String.format(Locale.ROOT, "%.1f", row.naive().medianMillis()),
                    String.format(Locale.ROOT, "%.1f", row.eager().medianMillis()),
                    String.format(Locale.ROOT, "%.1fx", row.speedup()),
                    row.sameJson() ? "yes" : "NO"));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        List<String> rule = new ArrayList<>();
        for (int column = 0; column < widths.length; column++) {
            rule.add(RIGHT[column] ? "-".repeat(widths[column] - 1) + ":" : "-".repeat(widths[column]));
        }
        lines.add(1, rule);

        StringBuilder table = new StringBuilder();
        for (List<String> line : lines) {
            table.append('|');
            for (int column = 0; column < widths.length; column++) {
                String cell = line.get(column);
                String padding = " ".repeat(widths[column] - cell.length());
                table.append(' ').append(RIGHT[column] ? padding + cell : cell + padding).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }
}

package dev.nplusone.report;

/** A count with its noun, singular for one: {@code 1 finding}, {@code 2 findings}. */
public final class Counted {

    private Counted() {
    }

    /** {@code count} a number, or its text as read from a report. */
    public static String of(Object count, String noun) {
        String n = String.valueOf(count);
        return n + ' ' + noun + (n.equals("1") ? "" : "s");
    }
}

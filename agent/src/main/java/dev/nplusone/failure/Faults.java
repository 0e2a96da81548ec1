package dev.nplusone.failure;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Test-only: failures forced at chosen points of the agent, to prove that each is caught, counted
 * and logged once while the application goes on untouched ({@code docs/reliability.md}).
 *
 * <p>Armed by the system property {@value #PROPERTY} ({@code -Dnplusone-test.fail=shape,detector},
 * or {@code all}), read once when the agent starts. It is deliberately outside the {@code nplusone.}
 * options: no user should set it, and without it every check is a read of a constant.
 */
public final class Faults {

    /** Not under {@code nplusone.}, whose keys are options. */
    public static final String PROPERTY = "nplusone-test.fail";

    /** Where a failure can be forced. */
    public enum Point {
        /** The statement listener, before the statement runs. */
        LISTENER_BEFORE,
        /** The statement listener, after the statement ran. */
        LISTENER_AFTER,
        /** The shape normalizer. */
        SHAPE,
        /** The rules, at the close of a scope. */
        DETECTOR,
        /** The log report (a finding's block, the exit summary). */
        REPORT_LOG,
        /** The JSON report. */
        REPORT_JSON,
        /** The hooks that instrumented code calls: servlet, JDK HTTP server, Jackson, ORM lazy loads, connections. */
        ADVICE;

        /** The name in the property: {@code listener-before}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Set<Point> ARMED = parse(System.getProperty(PROPERTY));
    private static final boolean ANY = !ARMED.isEmpty();

    private Faults() {
    }

    /** Throws {@link InjectedFault} when this point is armed; otherwise nothing. */
    public static void at(Point point) {
        if (ANY && ARMED.contains(point)) {
            throw new InjectedFault(point);
        }
    }

    /** The armed points, for the agent's start-up line; empty normally. */
    public static Set<Point> armed() {
        return ARMED.isEmpty() ? Set.of() : EnumSet.copyOf(ARMED);
    }

    static Set<Point> parse(String value) {
        Set<Point> points = EnumSet.noneOf(Point.class);
        if (value == null || value.isBlank()) {
            return points;
        }
        for (String key : value.split(",")) {
            String k = key.trim();
            if (k.equals("all")) {
                points.addAll(EnumSet.allOf(Point.class));
                continue;
            }
            boolean known = false;
            for (Point p : Point.values()) {
                if (p.key().equals(k)) {
                    points.add(p);
                    known = true;
                }
            }
            if (!known && !k.isEmpty()) {
                Failures.once("faults", "ignoring unknown point '" + k + "' in -D" + PROPERTY);
            }
        }
        return points;
    }

    /** The failure forced at a point; its message names the point. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(Point point) {
            super("forced failure at " + point.key() + " (-D" + PROPERTY + ")");
        }
    }
}

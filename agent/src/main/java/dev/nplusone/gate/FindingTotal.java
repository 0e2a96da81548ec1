package dev.nplusone.gate;

import java.util.List;

/**
 * One finding over every report read: the same type, scope path, shape and location seen by
 * several JVMs (forked test runs) is one finding, its counts added up.
 */
public final class FindingTotal {

    /** {@code locationKind}: the location is the application's own code. */
    public static final String APPLICATION = "application";
    /** {@code locationKind}: no application frame was on the stack; the location is a framework's (a pool's, say). */
    public static final String FRAMEWORK = "framework";

    final String type;
    final List<String> path;
    final String shape;
    final String location;
    final List<String> stack;
    final String trigger;
    final String association;
    final String hint;
    /** {@link #APPLICATION}, {@link #FRAMEWORK}, or null when the reports do not say (agents before it was reported). */
    String locationKind;
    long repetitions;
    long occurrences;
    long totalRepetitions;

    FindingTotal(String type, List<String> path, String shape, String location, List<String> stack, String trigger,
                 String association, String hint, String locationKind) {
        this.type = type;
        this.path = path;
        this.shape = shape;
        this.location = location;
        this.stack = stack;
        this.trigger = trigger;
        this.association = association;
        this.hint = hint;
        this.locationKind = locationKind;
    }

    void add(long repetitions, long occurrences, long totalRepetitions, String locationKind) {
        if (this.locationKind == null) {
            this.locationKind = locationKind; // a report of an older agent beside a newer one's
        }
        this.repetitions = Math.max(this.repetitions, repetitions);
        this.occurrences += occurrences;
        this.totalRepetitions += totalRepetitions;
    }

    public String type() {
        return type;
    }

    /** The outermost scope's name. */
    public String scope() {
        return path.get(0);
    }

    public List<String> path() {
        return path;
    }

    public String shape() {
        return shape;
    }

    public String location() {
        return location;
    }

    public List<String> stack() {
        return stack;
    }

    /** The parent query, when the agent knew it; else null. */
    public String trigger() {
        return trigger;
    }

    /** The ORM association that issued the statements, when the agent knew it; else null. */
    public String association() {
        return association;
    }

    /** The agent's one-line fix hint, when it gave one; else null. */
    public String hint() {
        return hint;
    }

    /** {@link #APPLICATION}, {@link #FRAMEWORK}, or null when the reports do not say. */
    public String locationKind() {
        return locationKind;
    }

    /** True when the reports say the location is the application's own code. */
    public boolean atApplicationCode() {
        return APPLICATION.equals(locationKind);
    }

    /** The most executions in one scope instance. */
    public long repetitions() {
        return repetitions;
    }

    public long occurrences() {
        return occurrences;
    }

    public long totalRepetitions() {
        return totalRepetitions;
    }
}

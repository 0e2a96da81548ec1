package dev.nplusone.gate;

import dev.nplusone.api.ReportFormat;

import java.util.List;

/**
 * One finding over every report read: the same type, scope path, shape and location seen by
 * several JVMs (forked test runs) is one finding, its counts added up.
 */
public final class FindingTotal {

    /** {@code locationKind}: the location is the application's own code. */
    public static final String APPLICATION = ReportFormat.Finding.APPLICATION;
    /** {@code locationKind}: no application frame was on the stack; the location is a framework's (a pool's, say). */
    public static final String FRAMEWORK = ReportFormat.Finding.FRAMEWORK;

    final String type;
    final List<String> path;
    final String shape;
    final String location;
    final List<String> stack;
    final String trigger;
    final String association;
    final String associationKind;
    final String jsonPath;
    final String hint;
    /** The values of one execution, only in reports written with {@code params=true}. */
    final String parameters;
    /** {@link #APPLICATION}, {@link #FRAMEWORK}, or null when the reports do not say (agents before it was reported). */
    String locationKind;
    long repetitions;
    long occurrences;
    long totalRepetitions;
    long timeMillis;

    /** The descriptive fields of a finding: those of the first report that had it. */
    FindingTotal(String type, List<String> path, String shape, String location, List<String> stack, String trigger,
                 String association, String associationKind, String jsonPath, String hint, String parameters, String locationKind) {
        this.type = type;
        this.path = path;
        this.shape = shape;
        this.location = location;
        this.stack = stack;
        this.trigger = trigger;
        this.association = association;
        this.associationKind = associationKind;
        this.jsonPath = jsonPath;
        this.hint = hint;
        this.parameters = parameters;
        this.locationKind = locationKind;
    }

    void add(long repetitions, long occurrences, long totalRepetitions, long timeMillis, String locationKind) {
        if (this.locationKind == null) {
            this.locationKind = locationKind; // a report of an older agent beside a newer one's
        }
        this.repetitions = Math.max(this.repetitions, repetitions);
        this.occurrences += occurrences;
        this.totalRepetitions += totalRepetitions;
        this.timeMillis += timeMillis;
    }

    public String type() {
        return type;
    }

    /**
     * What makes two findings one, for a baseline and for reports merged side by side: type,
     * outermost scope, shape and the method of the location without its line, so that edits
     * elsewhere in the file do not make an old finding look new.
     */
    public List<String> identity() {
        return List.of(type, scope(), shape, Breach.method(location));
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

    /** {@code one-to-many}, {@code many-to-one}...: the association's mapping, when it was named; else null. */
    public String associationKind() {
        return associationKind;
    }

    /** The JSON property path a serializer was writing, inside a serialization; else null. */
    public String jsonPath() {
        return jsonPath;
    }

    /** Time the executions spent in the database, over every report. */
    public long timeMillis() {
        return timeMillis;
    }

    /** The values of one execution, when the report was written with {@code params=true}; else null. */
    public String parameters() {
        return parameters;
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

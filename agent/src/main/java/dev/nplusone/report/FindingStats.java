package dev.nplusone.report;

import dev.nplusone.detect.Finding;

import java.util.List;

/**
 * One finding aggregated over every scope instance it appeared in: same outermost scope name,
 * type, shape and location.
 */
public final class FindingStats {

    private final Finding first;
    private long occurrences;
    private int maxRepetitions;
    private long totalRepetitions;
    private long nanos;
    private String parameters;

    FindingStats(Finding first) {
        this.first = first;
    }

    /** Returns the number of scope instances it has now been seen in. */
    synchronized long seen(Finding finding) {
        occurrences++;
        maxRepetitions = Math.max(maxRepetitions, finding.repetitions());
        totalRepetitions += finding.executions();
        nanos += finding.nanos();
        if (finding.parameters() != null) {
            parameters = finding.parameters();
        }
        return occurrences;
    }

    public String type() {
        return first.type().json();
    }

    public String scope() {
        return first.scope();
    }

    public List<String> path() {
        return first.path();
    }

    public String shape() {
        return first.shape();
    }

    public String location() {
        return first.location();
    }

    /** {@code application} or {@code framework}. */
    public String locationKind() {
        return first.locationKind();
    }

    public List<String> stack() {
        return first.stack();
    }

    public String trigger() {
        return first.trigger();
    }

    /** The association's name, or null. */
    public String association() {
        return first.association() == null ? null : first.association().name();
    }

    /** {@code many-to-one}, {@code one-to-many}...; null without an association. */
    public String associationKind() {
        return first.association() == null ? null : first.association().kind().json();
    }

    public String jsonPath() {
        return first.jsonPath();
    }

    public String hint() {
        return first.hint();
    }

    public synchronized long occurrences() {
        return occurrences;
    }

    public synchronized int maxRepetitions() {
        return maxRepetitions;
    }

    public synchronized long totalRepetitions() {
        return totalRepetitions;
    }

    public synchronized long nanos() {
        return nanos;
    }

    public synchronized String parameters() {
        return parameters;
    }
}

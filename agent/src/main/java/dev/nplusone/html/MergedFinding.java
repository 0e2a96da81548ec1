package dev.nplusone.html;

import dev.nplusone.gate.FindingTotal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One finding over several reports: those of the same {@link FindingTotal#identity() identity}
 * (the one a baseline uses), with the reports it appeared in. Its descriptive fields are the first
 * report's; its counts add up over all of them.
 */
final class MergedFinding {

    /** One report's part: which report, and the finding as that report had it. */
    static final class Appearance {
        final int report;
        final FindingTotal finding;

        Appearance(int report, FindingTotal finding) {
            this.report = report;
            this.finding = finding;
        }
    }

    private final List<Appearance> appearances = new ArrayList<>();

    void add(int report, FindingTotal finding) {
        appearances.add(new Appearance(report, finding));
    }

    /** The first report's finding: type, scope, shape, stack, hint... */
    FindingTotal first() {
        return appearances.get(0).finding;
    }

    List<Appearance> appearances() {
        return Collections.unmodifiableList(appearances);
    }

    /** The reports it appeared in, by their index, each once. */
    Set<Integer> reports() {
        Set<Integer> reports = new LinkedHashSet<>();
        for (Appearance a : appearances) {
            reports.add(a.report);
        }
        return reports;
    }

    /** The most executions in one scope instance, in any report. */
    long repetitions() {
        long max = 0;
        for (Appearance a : appearances) {
            max = Math.max(max, a.finding.repetitions());
        }
        return max;
    }

    /** Scope instances it appeared in, over every report. */
    long occurrences() {
        long sum = 0;
        for (Appearance a : appearances) {
            sum += a.finding.occurrences();
        }
        return sum;
    }

    long totalRepetitions() {
        long sum = 0;
        for (Appearance a : appearances) {
            sum += a.finding.totalRepetitions();
        }
        return sum;
    }

    long timeMillis() {
        long sum = 0;
        for (Appearance a : appearances) {
            sum += a.finding.timeMillis();
        }
        return sum;
    }
}

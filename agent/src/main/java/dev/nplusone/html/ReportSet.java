package dev.nplusone.html;

import dev.nplusone.gate.FindingTotal;
import dev.nplusone.gate.Reports;
import dev.nplusone.gate.UnreadableReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports a page shows: each on its own, all of them merged, and their findings merged by
 * identity, worst first.
 */
final class ReportSet {

    private final List<Reports> each;
    private final Reports merged;
    private final List<MergedFinding> findings;

    private ReportSet(List<Reports> each, Reports merged) {
        this.each = each;
        this.merged = merged;
        Map<List<String>, MergedFinding> byIdentity = new LinkedHashMap<>();
        for (int i = 0; i < each.size(); i++) {
            for (FindingTotal f : each.get(i).findings()) {
                byIdentity.computeIfAbsent(f.identity(), k -> new MergedFinding()).add(i, f);
            }
        }
        List<MergedFinding> sorted = new ArrayList<>(byIdentity.values());
        sorted.sort(Comparator.comparingInt((MergedFinding m) -> Types.rank(m.first().type()))
                .thenComparing(Comparator.comparingLong(MergedFinding::repetitions).reversed())
                .thenComparing(m -> m.first().scope())
                .thenComparing(m -> m.first().location()));
        this.findings = Collections.unmodifiableList(sorted);
    }

    /** Reads the report files the inputs name: files, and the {@code *.json} files under directories. */
    static ReportSet read(List<Path> inputs) throws UnreadableReport {
        return new ReportSet(Reports.readEach(inputs), Reports.read(inputs));
    }

    /** Each report, in the order read. */
    List<Reports> each() {
        return each;
    }

    /** Every report's scopes and summary, added up. */
    Reports merged() {
        return merged;
    }

    /** Findings merged by identity: N+1 first, then duplicates, then batchable writes, each by repetitions. */
    List<MergedFinding> findings() {
        return findings;
    }

    /** The file of report {@code index}. */
    Path file(int index) {
        return each.get(index).files().get(0);
    }

    /**
     * Report {@code index}'s name: its path below the directory that holds every report (so the
     * forks of one build read {@code nplusone-4711.json}), its file name when there is one report.
     */
    String name(int index) {
        Path file = file(index).toAbsolutePath().normalize();
        Path common = file.getParent();
        for (Reports r : each) {
            Path other = r.files().get(0).toAbsolutePath().normalize();
            while (common != null && !other.startsWith(common)) {
                common = common.getParent();
            }
        }
        return (common == null ? file : common.relativize(file)).toString().replace('\\', '/');
    }
}

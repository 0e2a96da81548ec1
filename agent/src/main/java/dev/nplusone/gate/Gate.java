package dev.nplusone.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Judges merged reports against thresholds and a baseline. */
public final class Gate {

    private Gate() {
    }

    /** What the gate decided. */
    public static final class Verdict {
        private final List<Breach> breaches;
        private final List<Breach> known;

        Verdict(List<Breach> breaches, List<Breach> known) {
            this.breaches = Collections.unmodifiableList(breaches);
            this.known = Collections.unmodifiableList(known);
        }

        /** The breaches that fail: not in the baseline. */
        public List<Breach> breaches() {
            return breaches;
        }

        /** Breaches the baseline already knows. */
        public List<Breach> known() {
            return known;
        }

        public boolean passed() {
            return breaches.isEmpty();
        }

        /** Every breach, known or not: what a new baseline records. */
        public List<Breach> all() {
            List<Breach> all = new ArrayList<>(breaches);
            all.addAll(known);
            return all;
        }
    }

    public static Verdict judge(Reports reports, Thresholds thresholds, Baseline baseline) {
        List<Breach> all = new ArrayList<>();
        for (FindingTotal f : reports.findings()) {
            if (thresholds.failsOn(f.type(), f.path())) {
                all.add(Breach.of(f));
            }
        }
        for (ScopeTotal s : reports.scopes()) {
            long limit = thresholds.maxQueries(s.name());
            if (limit != Thresholds.UNLIMITED && s.maxStatements() > limit) {
                all.add(Breach.of(s, limit, thresholds.maxQueriesSource(s.name())));
            }
        }
        all.sort(ORDER);
        List<Breach> failing = new ArrayList<>();
        List<Breach> known = new ArrayList<>();
        for (Breach b : all) {
            (baseline.knows(b) ? known : failing).add(b);
        }
        return new Verdict(failing, known);
    }

    /** N+1 first, then duplicates, then budgets; the worst of each first. */
    private static final Comparator<Breach> ORDER = Comparator.<Breach>comparingInt(b -> rank(b.type()))
            .thenComparing(Comparator.comparingLong(Gate::size).reversed())
            .thenComparing(Breach::scope);

    private static int rank(String type) {
        switch (type) {
            case "n_plus_one":
                return 0;
            case "duplicate":
                return 1;
            default:
                return 2;
        }
    }

    private static long size(Breach b) {
        return b.finding() != null ? b.finding().repetitions() : b.scopeTotal().maxStatements();
    }
}

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
        private final List<Allowed> allowed;
        private final Baseline.Matches baseline;

        Verdict(List<Breach> breaches, List<Breach> known, List<Allowed> allowed, Baseline.Matches baseline) {
            this.breaches = Collections.unmodifiableList(breaches);
            this.known = Collections.unmodifiableList(known);
            this.allowed = Collections.unmodifiableList(allowed);
            this.baseline = baseline;
        }

        /** The breaches that fail: not in the baseline. */
        public List<Breach> breaches() {
            return breaches;
        }

        /** Breaches the baseline already knows. */
        public List<Breach> known() {
            return known;
        }

        /** Every finding that does not fail, and why: the thresholds let it pass, or the baseline knows it. */
        public List<Allowed> allowed() {
            return allowed;
        }

        /** Baseline entries matched by their statement alone, or ignored. */
        public Baseline.Matches baseline() {
            return baseline;
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

    /** A finding, or a query budget the baseline knows, that does not fail the check, and why. */
    public static final class Allowed {
        /** One line, as a breach's headline reads. */
        public final String headline;
        /** {@code fail-on-duplicate=false}, {@code known from the baseline}... */
        public final String because;
        final String type;
        final long size;

        Allowed(String headline, String because, String type, long size) {
            this.headline = headline;
            this.because = because;
            this.type = type;
            this.size = size;
        }
    }

    public static Verdict judge(Reports reports, Thresholds thresholds, Baseline baseline) {
        List<Breach> all = new ArrayList<>();
        List<Allowed> allowed = new ArrayList<>();
        for (FindingTotal f : reports.findings()) {
            if (thresholds.failsOn(f.type(), f.path())) {
                all.add(Breach.of(f));
            } else {
                String source = thresholds.failsOnSource(f.type(), f.path());
                allowed.add(new Allowed(Breach.headline(f), source != null ? source : "a finding type this check does not know",
                        f.type(), f.repetitions()));
            }
        }
        for (ScopeTotal s : reports.scopes()) {
            long limit = thresholds.maxQueries(s.name());
            if (limit != Thresholds.UNLIMITED && s.maxStatements() > limit) {
                all.add(Breach.of(s, limit, thresholds.maxQueriesSource(s.name())));
            }
        }
        all.sort(ORDER);
        Baseline.Matches matches = baseline.match(all);
        List<Breach> failing = new ArrayList<>();
        List<Breach> known = new ArrayList<>();
        for (Breach b : all) {
            if (matches.knows(b)) {
                known.add(b);
                allowed.add(new Allowed(b.headline(), "known from the baseline", b.type(), size(b)));
            } else {
                failing.add(b);
            }
        }
        allowed.sort(ALLOWED_ORDER);
        return new Verdict(failing, known, allowed, matches);
    }

    /** N+1 first, then duplicates, batchable writes, budgets; the worst of each first. */
    private static final Comparator<Breach> ORDER = Comparator.<Breach>comparingInt(b -> rank(b.type()))
            .thenComparing(Comparator.comparingLong(Gate::size).reversed())
            .thenComparing(Breach::scope);

    /** The same order for what does not fail. */
    private static final Comparator<Allowed> ALLOWED_ORDER = Comparator.<Allowed>comparingInt(a -> rank(a.type))
            .thenComparing(Comparator.<Allowed>comparingLong(a -> a.size).reversed())
            .thenComparing(a -> a.headline);

    private static int rank(String type) {
        switch (type) {
            case "n_plus_one":
                return 0;
            case "duplicate":
                return 1;
            case "batchable":
                return 2;
            case Breach.MAX_QUERIES:
                return 4;
            default:
                return 3;
        }
    }

    private static long size(Breach b) {
        return b.finding() != null ? b.finding().repetitions() : b.scopeTotal().maxStatements();
    }
}

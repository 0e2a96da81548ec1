package dev.nplusone.html;

import dev.nplusone.api.ReportFormat;
import dev.nplusone.gate.Breach;

import java.util.List;

/** Finding types in the order a reader triages them, and as prose names them. */
final class Types {

    /** The known types, worst first; a type of a newer agent comes after them. */
    static final List<String> ORDER = List.of(ReportFormat.Finding.N_PLUS_ONE, ReportFormat.Finding.DUPLICATE,
            ReportFormat.Finding.BATCHABLE);

    private Types() {
    }

    static int rank(String type) {
        int i = ORDER.indexOf(type);
        return i < 0 ? ORDER.size() : i;
    }

    /** {@code N+1}, {@code duplicate}, {@code batchable writes}. */
    static String name(String type) {
        return Breach.what(type);
    }
}

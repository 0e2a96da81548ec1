package dev.nplusone.report;

import dev.nplusone.detect.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the JVM's registry keeps over many scope instances: counts, maxima, one entry per finding, and its bounds. */
class RegistryTest {

    private static Finding nPlusOne(String scope, int repetitions, String location) {
        return new Finding(Finding.Type.N_PLUS_ONE, List.of(scope), "select * from child where parent_id = ?", repetitions,
                List.of(location), "select * from parent", 2_000_000, null);
    }

    @Test
    void scopesAreCountedByKindAndNameWorstFirst() {
        Registry registry = new Registry();
        registry.scopeClosed("http", "GET /a", 3);
        registry.scopeClosed("http", "GET /a", 9);
        registry.scopeClosed("http", "GET /b", 5);
        registry.statement(true);
        registry.statement(false);
        assertEquals(3, registry.scopeInstances());
        assertEquals(2, registry.statements());
        assertEquals(1, registry.unscoped());
        ScopeStats a = registry.scopes().get(0);
        assertEquals("GET /a", a.name());
        assertEquals(2, a.instances());
        assertEquals(12, a.total());
        assertEquals(9, a.max());
    }

    @Test
    void oneFindingSeenInManyInstancesIsOneEntry() {
        Registry registry = new Registry();
        assertEquals(1, registry.add(nPlusOne("GET /a", 4, "a.B.c(B.java:1)")).occurrences);
        assertEquals(2, registry.add(nPlusOne("GET /a", 7, "a.B.c(B.java:1)")).occurrences);
        registry.add(nPlusOne("GET /a", 3, "a.B.d(B.java:2)"));
        registry.add(new Finding(Finding.Type.DUPLICATE, List.of("GET /a"), "select 1", 2, List.of("a.B.c(B.java:1)"), null, 0, null));
        List<FindingStats> all = registry.findings();
        assertEquals(3, all.size());
        FindingStats worst = all.get(0);
        assertEquals("n_plus_one", worst.type());
        assertEquals(7, worst.maxRepetitions());
        assertEquals(11, worst.totalRepetitions());
        assertEquals(2, worst.occurrences());
        assertEquals(4_000_000, worst.nanos());
        assertEquals("duplicate", all.get(2).type(), "N+1 first, then duplicates");
    }

    @Test
    void pastItsBoundsTheRegistryCountsWhatItDropped() {
        Registry registry = new Registry();
        for (int i = 0; i < Registry.MAX_SCOPE_NAMES + 10; i++) {
            registry.scopeClosed("manual", "job " + i, 1);
        }
        assertEquals(Registry.MAX_SCOPE_NAMES, registry.scopes().size());
        assertEquals(10, registry.overflow());
        assertEquals(Registry.MAX_SCOPE_NAMES + 10, registry.scopeInstances());
    }
}

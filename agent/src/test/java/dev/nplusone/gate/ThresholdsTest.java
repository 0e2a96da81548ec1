package dev.nplusone.gate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdsTest {

    @Test
    void defaultsFailOnNPlusOneOnly() {
        Thresholds t = Thresholds.defaults();
        assertTrue(t.failsOn("n_plus_one", List.of("GET /a")));
        assertFalse(t.failsOn("duplicate", List.of("GET /a")));
        assertEquals(Thresholds.UNLIMITED, t.maxQueries("GET /a"));
        assertTrue(t.isDefault());
        assertTrue(Thresholds.parse(List.of()).isDefault());
    }

    @Test
    void overridesApplyToMatchingScopesAndTheLastMatchWins() {
        Thresholds t = Thresholds.parse(List.of("max-queries=50", "max-queries[GET /reports/**]=200",
                "max-queries[GET /reports/yearly]=500", "max-queries[GET /reports/**]=300"));
        assertEquals(50, t.maxQueries("GET /events"));
        assertEquals(300, t.maxQueries("GET /reports/yearly"), "the later, broader override wins");
        assertEquals(300, t.maxQueries("GET /reports/monthly/{id}"));
        assertEquals("max-queries[GET /reports/**]", t.maxQueriesSource("GET /reports/x"));
        assertEquals("max-queries", t.maxQueriesSource("GET /events"));
    }

    @Test
    void aFindingIsJudgedByItsInnermostMatchingScope() {
        Thresholds t = Thresholds.parse(List.of("fail-on-n-plus-one[GET /legacy/**]=false", "fail-on-n-plus-one[com.acme.*Test#*]=true"));
        assertFalse(t.failsOn("n_plus_one", List.of("com.acme.OrderTest#lists", "GET /legacy/orders")));
        assertTrue(t.failsOn("n_plus_one", List.of("com.acme.OrderTest#lists", "GET /orders")));
        assertTrue(t.failsOn("duplicate", List.of("x")) == false);
        assertTrue(Thresholds.parse(List.of("fail-on-duplicate=yes")).failsOn("duplicate", List.of("x")));
    }

    @Test
    void batchableWritesFailOnlyWhenAskedToAndUnknownTypesNever() {
        assertFalse(Thresholds.defaults().failsOn("batchable", List.of("com.acme.ImportTest#imports")));
        Thresholds t = Thresholds.parse(List.of("fail-on-batchable=true", "fail-on-batchable[com.acme.legacy.**]=false"));
        assertTrue(t.failsOn("batchable", List.of("com.acme.ImportTest#imports")));
        assertFalse(t.failsOn("batchable", List.of("com.acme.legacy.ImportTest#imports")));
        assertFalse(t.isDefault());
        assertFalse(t.failsOn("n_plus_two", List.of("x")), "a type of a newer agent: no threshold was set for it");
        assertTrue(Thresholds.isKey("fail-on-batchable[GET /**]"));
    }

    @Test
    void theSettingThatDecidedIsNamedForMessages() {
        Thresholds t = Thresholds.parse(List.of("fail-on-n-plus-one[GET /legacy/**]=false"));
        assertEquals("fail-on-n-plus-one[GET /legacy/**]=false", t.failsOnSource("n_plus_one", List.of("com.acme.T#t", "GET /legacy/a")));
        assertEquals("fail-on-n-plus-one=true", t.failsOnSource("n_plus_one", List.of("GET /a")));
        assertEquals("fail-on-duplicate=false", t.failsOnSource("duplicate", List.of("GET /a")));
        assertEquals("fail-on-batchable=false", t.failsOnSource("batchable", List.of("GET /a")));
        assertEquals(null, t.failsOnSource("n_plus_two", List.of("GET /a")));
    }

    @Test
    void keysAreRecognisedWithAndWithoutPatterns() {
        assertTrue(Thresholds.isKey("max-queries"));
        assertTrue(Thresholds.isKey("max-queries[GET /a=b]"));
        assertTrue(Thresholds.isKey("fail-on-duplicate"));
        assertFalse(Thresholds.isKey("report"));
        assertEquals(7, Thresholds.parse(List.of("max-queries[GET /a=b]=7")).maxQueries("GET /a=b"), "'=' inside a pattern");
    }

    @Test
    void badEntriesAreRefusedNamingTheKeyAndWhatItAllows() {
        assertEquals("bad value '-1' for threshold 'max-queries': expected a whole number >= 0: statements allowed in one scope instance"
                        + " (default: no limit)",
                assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of("max-queries=-1"))).getMessage());
        assertEquals("bad value 'maybe' for threshold 'fail-on-duplicate': expected true or false: a duplicate finding fails the check"
                        + " (default false)",
                assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of("fail-on-duplicate=maybe"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of("max-query=3"))).getMessage()
                .startsWith("unknown threshold 'max-query'; known: fail-on-n-plus-one, fail-on-duplicate, fail-on-batchable, max-queries"));
        assertEquals("threshold 'max-queries[]' has an empty scope pattern",
                assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of("max-queries[]=3"))).getMessage());
        assertEquals("threshold 'max-queries[GET /a]x': write max-queries[scope pattern]=value",
                assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of("max-queries[GET /a]x=3"))).getMessage());
        assertEquals("threshold 'max-queries' has no value: write key=value or key[scope pattern]=value",
                assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(List.of("max-queries"))).getMessage());
    }

    @Test
    void globs() {
        assertTrue(new ScopePattern("GET /reports/**").matches("GET /reports/a/b"));
        assertFalse(new ScopePattern("GET /reports/*").matches("GET /reports/a/b"));
        assertTrue(new ScopePattern("GET /reports/*").matches("GET /reports/{id}"));
        assertTrue(new ScopePattern("* /**").matches("POST /orders"));
        assertFalse(new ScopePattern("GET /a").matches("GET /ab"), "whole name");
        assertTrue(new ScopePattern("GET /a?c").matches("GET /abc"));
        assertTrue(new ScopePattern("serialize List(x)+").matches("serialize List(x)+"), "regex characters are literal");
        assertTrue(new ScopePattern("com.acme.*Test#*").matches("com.acme.OrderTest#lists"));
        assertFalse(new ScopePattern("com.acme.*Test#*").matches("comXacme.OrderTest#lists"));
    }
}

package dev.nplusone.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckMojoTest {

    @Test
    void theFailureMessageIsTheVerdictThenEachBreachWithoutStacks() {
        List<String> out = List.of(
                "nplusone check: 2 reports, 2 scopes (2 instances), 2 findings",
                "",
                "BREACH N+1 in com.acme.ATest#a: 5 executions in one scope instance at com.acme.Repo.load(Repo.java:30)",
                "  statement:   select title from book where author_id = ?",
                "  repetitions: 5 in one scope instance; 5 over 1 instance",
                "  after:       select id from author",
                "      at com.acme.Repo.load(Repo.java:30)",
                "",
                "BREACH max-queries in com.acme.BTest#b: 9 statements in one scope instance, max-queries allows 3",
                "",
                "nplusone check: 1 that does not fail the build (the reports have each in full):",
                "  duplicate in com.acme.ATest#a: 2 executions in one scope instance at com.acme.Repo.find(Repo.java:9) (fail-on-duplicate=false)",
                "nplusone check: FAILED, 2 breaches (1 N+1, 1 max-queries)",
                "nplusone check: SARIF written to /build/nplusone.sarif");

        assertEquals(List.of(
                "nplusone check: FAILED, 2 breaches (1 N+1, 1 max-queries)",
                "BREACH N+1 in com.acme.ATest#a: 5 executions in one scope instance at com.acme.Repo.load(Repo.java:30)",
                "  statement:   select title from book where author_id = ?",
                "BREACH max-queries in com.acme.BTest#b: 9 statements in one scope instance, max-queries allows 3"),
                CheckMojo.breaches(out));
    }

    @Test
    void allOfAnOutputItDoesNotKnow() {
        List<String> out = List.of("something new", "in another format");

        assertEquals(out, CheckMojo.breaches(out));
    }
}

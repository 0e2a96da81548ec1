package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.javaxorm.JavaxOrmApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate 5 with {@code javax.persistence}, whose collections live in another package than 6's
 * and 7's: its lazy loads are named as theirs are ({@link OrmIT} covers 6 and 7 at length).
 */
class JavaxOrmIT {

    static final String PKG = "dev.nplusone.it.apps.javaxorm.";
    static final String HALL = PKG + "Concert.hall";
    static final String PERFORMERS = PKG + "Concert.performers";

    static Report report;

    @BeforeAll
    static void runApplication() {
        Result result = ChildJvm.of("orm-hibernate5", JavaxOrmApp.class).withAgent("").classpath(ChildJvm.classpathWithHibernate(5))
                .jvmOptions("-Dorg.jboss.logging.provider=jdk").run().assertCleanRun();
        assertTrue(result.stdout().contains("done"), result::stdoutText);
        assertTrue(result.stderrText().contains("Hibernate ORM core version 5."), "the application ran on Hibernate 5" + result.describe());
        report = result.report();
    }

    static Map<String, Finding> byAssociation(String scope) {
        List<Finding> findings = report.findings("n_plus_one", scope);
        assertEquals(2, findings.size(), report::describeFindings);
        return findings.stream().collect(Collectors.toMap(f -> String.valueOf(f.association()), Function.identity()));
    }

    @Test
    void aSerializationNamesTheAssociationsThePathsAndTheTrigger() {
        Map<String, Finding> findings = byAssociation(JavaxOrmApp.JACKSON);
        Finding hall = findings.get(HALL);
        Finding performers = findings.get(PERFORMERS);
        assertEquals("many-to-one", hall.associationKind());
        assertEquals("many-to-many", performers.associationKind());
        assertEquals("$[*].hall", hall.jsonPath());
        assertEquals("$[*].performers", performers.jsonPath());
        for (Finding f : findings.values()) {
            assertEquals(JavaxOrmApp.CONCERTS, f.repetitions());
            assertTrue(f.trigger().contains(" from concert ") && f.trigger().contains(" order by "), f.trigger());
        }
        assertEquals("fetch Concert.hall with the query that loads the Concerts: left join fetch c.hall,"
                + " or @EntityGraph(attributePaths = \"hall\")", hall.hint());
    }

    @Test
    void aLoopIsLocatedAtItsLines() {
        Map<String, Finding> findings = byAssociation(JavaxOrmApp.LOOP);
        assertEquals(at("// N+1: the hall of each concert"), findings.get(HALL).location());
        assertEquals(at("// N+1: the performers of each concert"), findings.get(PERFORMERS).location());
        assertNull(findings.get(HALL).jsonPath());
    }

    private static String at(String marker) {
        return SourceLine.of(JavaxOrmApp.class, marker).frame("main");
    }
}

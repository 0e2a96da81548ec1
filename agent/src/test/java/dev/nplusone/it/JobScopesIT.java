package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.Report.Scope;
import dev.nplusone.it.apps.jobs.CleanupJob;
import dev.nplusone.it.apps.jobs.DigestJob;
import dev.nplusone.it.apps.jobs.JobsApp;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled work is a unit of work of its own: each run of a Spring {@code @Scheduled} method and
 * of a Quartz job is a scope of kind {@code job}, named {@code SimpleClassName.method}, and an N+1
 * in it is found with nothing but the agent attached.
 */
class JobScopesIT {

    static final String ARTICLES = "select title from article where subscriber_id = ?";
    static final String CHUNKS = "select count(*) from chunk where upload_id = ?";

    static Result result;
    static Report report;
    static int digestRuns;
    static int purgeRuns;
    static int cleanupRuns;

    @BeforeAll
    static void runTheJobs() {
        result = ChildJvm.of("job-scopes", JobsApp.class).classpath(MessageScopesIT.quietLogging(ChildJvm.TEST_CLASSPATH)).withAgent("")
                .run().assertCleanRun();
        report = result.report();
        assertEquals(4, result.stdout().size(), result::describe);
        digestRuns = runs("digest");
        purgeRuns = runs("purge");
        cleanupRuns = runs("cleanup");
    }

    private static int runs(String job) {
        String prefix = job + " runs: ";
        return result.stdout().stream().filter(line -> line.startsWith(prefix)).mapToInt(line -> Integer.parseInt(line.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' line" + result.describe()));
    }

    @Test
    void eachRunOfAScheduledMethodIsOneJobScope() {
        assertTrue(digestRuns >= JobsApp.RUNS, "the schedule ran " + digestRuns + " times");
        Scope digest = report.scope("DigestJob.send");
        assertEquals("job", digest.kind());
        assertEquals(digestRuns, digest.instances(), "one scope per run");
        assertEquals(digestRuns * (1 + DigestJob.SUBSCRIBERS), digest.statements().total(), "each run: subscribers, then one query each");
        assertEquals(1 + DigestJob.SUBSCRIBERS, digest.statements().max());

        Scope purge = report.scope("JobsConfig.purge");
        assertEquals("job", purge.kind());
        assertEquals(purgeRuns, purge.instances());
        assertEquals(purgeRuns, purge.statements().total());
        assertTrue(result.stdout().get(3).startsWith("configuration class: JobsConfig$$"), result.stdout()::toString);
        assertFalse(report.scopeNames().stream().anyMatch(name -> name.contains("$$")),
                () -> "the configuration class's CGLIB subclass is named after the class: " + report.scopeNames());
    }

    @Test
    void eachRunOfAQuartzJobIsOneJobScope() {
        assertEquals(JobsApp.RUNS, cleanupRuns, "the trigger fires exactly so often");
        Scope cleanup = report.scope("CleanupJob.execute");
        assertEquals("job", cleanup.kind());
        assertEquals(cleanupRuns, cleanup.instances(), "one scope per run");
        assertEquals(cleanupRuns * (1 + CleanupJob.UPLOADS), cleanup.statements().total());
    }

    @Test
    void everyStatementOfTheJobsIsInAScope() {
        assertEquals(3, report.summary().scopes(), report.scopeNames()::toString);
        assertEquals(digestRuns + purgeRuns + cleanupRuns, report.summary().scopeInstances());
        assertEquals(DigestJob.SETUP.length + CleanupJob.SETUP.length, report.summary().unscoped(), "only the set-up is outside");
    }

    @Test
    void theNPlusOneOfEachJobIsFoundAtItsLoop() {
        report.assertFindings(
                triple("n_plus_one", "DigestJob.send", ARTICLES),
                triple("n_plus_one", "CleanupJob.execute", CHUNKS));

        Finding digest = report.finding("n_plus_one", "DigestJob.send", ARTICLES);
        assertEquals(List.of("DigestJob.send"), digest.path());
        assertEquals(DigestJob.SUBSCRIBERS, digest.repetitions());
        assertEquals(digestRuns, digest.occurrences(), "found in every run");
        assertEquals(SourceLine.of(DigestJob.class, "// N+1: articles of each subscriber, in a scheduled method").frame("send"),
                digest.location());
        assertEquals("select id, email from subscriber order by id", digest.trigger());

        Finding cleanup = report.finding("n_plus_one", "CleanupJob.execute", CHUNKS);
        assertEquals(List.of("CleanupJob.execute"), cleanup.path());
        assertEquals(CleanupJob.UPLOADS, cleanup.repetitions());
        assertEquals(cleanupRuns, cleanup.occurrences());
        assertEquals(SourceLine.of(CleanupJob.class, "// N+1: chunks of each upload, in a Quartz job").frame("execute"),
                cleanup.location());
        assertEquals("select id from upload order by id", cleanup.trigger());
    }
}

package dev.nplusone.it;

import dev.nplusone.it.apps.ForeignLibrariesApp;
import dev.nplusone.it.apps.JdbcApp;
import dev.nplusone.it.apps.Workload;
import dev.nplusone.testkit.LogEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.nplusone.it.JdbcConnectionsIT.CHILDREN;
import static dev.nplusone.it.JdbcConnectionsIT.COUNT_OF_PARENT;
import static dev.nplusone.it.JdbcConnectionsIT.N_PLUS_ONE;
import static dev.nplusone.testkit.LogEntry.only;
import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent bundles its own Byte Buddy, slf4j and logback, relocated and in a class loader of its
 * own. An application with other versions of the same libraries, and its own logback.xml, keeps
 * them: its log lines in its pattern, the agent's in the agent's, both on standard error.
 */
class ForeignLibrariesIT {

    static final String APP_LINE = "APP|INFO|ForeignLibrariesApp|";

    static Result result;

    @BeforeAll
    static void runApplication() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(ChildJvm.testClasses().resolve("it/foreign-logging")); // the application's logback.xml
        classpath.add(ChildJvm.testClasses());
        classpath.add(ChildJvm.jar("h2-"));
        classpath.add(ChildJvm.jar("nplusone-api-")); // the scopes the application opens by hand
        classpath.addAll(ChildJvm.foreignLibraries()); // and NOT the agent's versions of these libraries
        result = ChildJvm.of("foreign-libraries", ForeignLibrariesApp.class).withAgent("").classpath(classpath).run().assertCleanRun();
    }

    @Test
    void theApplicationUsesItsOwnLibrariesAndLoggingConfiguration() {
        List<String> appLines = result.stderr().stream().filter(l -> l.startsWith("APP|")).collect(Collectors.toList());
        assertEquals(List.of(
                APP_LINE + "libraries: slf4j slf4j-api-2.0.9.jar, logback logback-classic-1.4.14.jar, byte-buddy byte-buddy-1.14.18.jar,"
                        + " logger factory ch.qos.logback.classic.LoggerContext",
                APP_LINE + "generated: made by the application's Byte Buddy",
                APP_LINE + "running the workload",
                APP_LINE + "done"), appLines, result::describe);
    }

    @Test
    void theAgentKeepsItsOwnLogFormatBesideTheApplications() {
        List<LogEntry> log = result.log();
        only(log, "nplusone.agent", "nplusone ");
        assertEquals("N+1 query in import-job: 5 executions of one statement shape from one call site",
                only(log, "nplusone.findings", "N+1 query in ").message());
        only(log, "nplusone.summary", "summary: ");

        // Nothing else on standard error: no slf4j binding warnings, no logback status messages, no
        // agent line in the application's pattern or the other way round.
        for (String line : result.stderr()) {
            boolean agentLine = LogEntry.AGENT_LINE.matcher(line).matches() || line.startsWith("  ");
            boolean applicationLine = line.startsWith(APP_LINE) && !line.contains("nplusone");
            assertTrue(agentLine || applicationLine, () -> "unexpected line on stderr: '" + line + "'" + result.describe());
        }
        assertTrue(result.stdout().isEmpty(), () -> "stdout: " + result.stdout());
    }

    @Test
    void theAgentStillFindsTheNPlusOne() {
        Report report = result.report();
        report.assertFindings(
                triple("n_plus_one", JdbcApp.SCOPE, CHILDREN),
                triple("duplicate", JdbcApp.SCOPE, COUNT_OF_PARENT));
        Report.Finding f = report.finding("n_plus_one", JdbcApp.SCOPE, CHILDREN);
        assertEquals(N_PLUS_ONE.frame("childrenOfEach"), f.location());
        assertTrue(f.stack().get(f.stack().size() - 1).startsWith(ForeignLibrariesApp.class.getName() + ".main("), f.stack()::toString);
        assertEquals(Workload.SETUP.length + Workload.STATEMENTS, report.summary().statements());
    }
}

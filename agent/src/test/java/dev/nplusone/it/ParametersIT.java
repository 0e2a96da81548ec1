package dev.nplusone.it;

import dev.nplusone.it.apps.SecretsApp;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.List;
import java.util.stream.Collectors;

import static dev.nplusone.testkit.LogEntry.only;
import static dev.nplusone.it.Report.triple;
import static dev.nplusone.it.apps.SecretsApp.SCOPE;
import static dev.nplusone.it.apps.SecretsApp.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL parameter values are personal data: they appear nowhere unless {@code params=true}. */
class ParametersIT {

    static final String BY_PARAMETER = "select balance from account where id = ? and owner = ?";
    static final String BY_LITERAL = "select balance from account where owner = ? and id = ?";
    static final String COUNT = "select count(*) from account where owner = ?";

    @Test
    void valuesAreHiddenByDefaultEvenWhenEveryStatementIsLogged() throws IOException {
        Result result = ChildJvm.of("params-hidden", SecretsApp.class).withAgent("log=statements").run().assertCleanRun();
        Report report = result.report();
        assertSameFindings(report);

        // The statements were logged (so the check below means something), shapes only.
        List<LogEntry> statements = result.log().stream().filter(e -> e.logger().equals("nplusone.statements")).collect(Collectors.toList());
        assertEquals(4 + 3 + 2, statements.size(), statements::toString);
        assertEquals("DEBUG", statements.get(0).level());
        assertEquals(SCOPE + ": " + BY_PARAMETER, statements.get(0).message());
        assertEquals(SCOPE + ": " + BY_LITERAL, statements.get(4).message(), "the literal in the SQL text became a ?");

        assertFalse(result.stderrText().contains(SECRET), "the secret is on stderr" + result.describe());
        assertFalse(result.stdoutText().contains(SECRET), "the secret is on stdout");
        assertFalse(Files.readString(result.reportFile()).contains(SECRET), "the secret is in the report");
        report.findings().forEach(f -> assertNull(f.parameters(), f::toString));
        assertTrue(only(result.log(), "nplusone.agent", "nplusone ").message().endsWith(", parameters hidden"));
        assertEquals(permissionsAsTheUmaskSays(result), Files.getPosixFilePermissions(result.reportFile()),
                "no values: the report is created as any other file");
    }

    @Test
    void valuesAreShownWhenAskedFor() throws IOException {
        Result result = ChildJvm.of("params-shown", SecretsApp.class).withAgent("params=true").run().assertCleanRun();
        Report report = result.report();
        assertSameFindings(report);

        Report.Finding byParameter = report.finding("n_plus_one", SCOPE, BY_PARAMETER);
        assertTrue(byParameter.parameters().matches("\\[\\d, '" + SECRET + "'\\]"), byParameter::toString);
        assertEquals("['" + SECRET + "']", report.finding("duplicate", SCOPE, COUNT).parameters());

        LogEntry block = only(result.log(), "nplusone.findings", "N+1 query in " + SCOPE + ": 4 executions");
        assertTrue(block.field("params").contains(SECRET), block::toString);
        assertTrue(only(result.log(), "nplusone.agent", "nplusone ").message().endsWith(", parameters shown"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(result.reportFile())),
                "parameter values: the report is its owner's only");
    }

    @Test
    void aLogFileHoldingValuesIsReadableByItsOwnerOnly() throws IOException {
        ChildJvm jvm = ChildJvm.of("params-log-file", SecretsApp.class);
        Path logFile = jvm.dir().resolve("logs/agent.log");
        Result result = jvm.withAgent("params=true,log-file=" + logFile).run();
        assertEquals(0, result.exitCode(), result::describe);
        assertTrue(Files.readString(logFile).contains(SECRET), "the values are in the log, as asked");
        assertFalse(result.stderrText().contains(SECRET), result::describe);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logFile)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(result.reportFile())));
    }

    /** What a new file gets here: the umask of the test, which the child inherited. */
    private static Set<PosixFilePermission> permissionsAsTheUmaskSays(Result result) throws IOException {
        Path probe = Files.createFile(result.dir().resolve("umask-probe"));
        try {
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.delete(probe);
        }
    }

    private static void assertSameFindings(Report report) {
        report.assertFindings(
                triple("n_plus_one", SCOPE, BY_PARAMETER),
                triple("n_plus_one", SCOPE, BY_LITERAL),
                triple("duplicate", SCOPE, COUNT));
        assertEquals(4, report.finding("n_plus_one", SCOPE, BY_PARAMETER).repetitions());
        assertEquals(3, report.finding("n_plus_one", SCOPE, BY_LITERAL).repetitions());
        assertEquals(2, report.finding("duplicate", SCOPE, COUNT).repetitions());
        assertEquals(SourceLine.of(SecretsApp.class, "// N+1 with the secret as a parameter").frame("main"),
                report.finding("n_plus_one", SCOPE, BY_PARAMETER).location());
    }
}

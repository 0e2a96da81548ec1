package dev.nplusone.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.AttachApp;
import dev.nplusone.it.apps.JdbcApp;
import dev.nplusone.it.apps.JdbcApp.Mode;
import dev.nplusone.it.apps.Workload;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.nplusone.testkit.LogEntry.only;
import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent sees connections however the application gets them (DriverManager, a DataSource, a
 * pool, an isolated class loader) and counts each statement once. Every way runs the same
 * {@link Workload} in a manual scope, so every way must give the same report.
 */
class JdbcConnectionsIT {

    static final String CHILDREN = "select id, name from child where parent_id = ?";
    static final String PARENTS = "select id, name from parent order by id";
    static final String COUNT_OF_PARENT = "select count(*) from child where parent_id = ?";
    static final String CHILD_BY_ID = "select name from child where id = ?";

    static final SourceLine N_PLUS_ONE = SourceLine.of(Workload.class, "// N+1: children of each parent");
    static final SourceLine DUPLICATE = SourceLine.of(Workload.class, "// duplicate: same parameter four times");
    static final SourceLine CALLS_LOOP = SourceLine.of(Workload.class, "// calls the N+1 loop");
    static final SourceLine RUNS_WORKLOAD = SourceLine.of(JdbcApp.class, "// runs the workload");

    /** One child JVM per mode, shared by the tests that look at it. */
    private static final Map<Mode, Result> RUNS = new EnumMap<>(Mode.class);

    static synchronized Result run(Mode mode) {
        return RUNS.computeIfAbsent(mode, m -> {
            ChildJvm jvm = ChildJvm.of("jdbc-" + m.name().toLowerCase(), JdbcApp.class).args(m.name()).withAgent("threshold=3");
            if (m == Mode.ISOLATED_DATA_SOURCE) {
                // H2 only inside the application's own URLClassLoader, not on the class path.
                jvm.classpath(ChildJvm.testClasspathWithout("h2-")).args(ChildJvm.jar("h2-").toString());
            }
            return jvm.run();
        });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void countsEveryStatementOnceAndFindsTheNPlusOneAndTheDuplicate(Mode mode) {
        Result result = run(mode).assertCleanRun();
        assertTrue(result.stdout().contains("done: " + mode), result::describe);
        Report report = result.report();

        // Exact counts: a pool or a second wrapper must not count a statement twice.
        assertEquals(Workload.SETUP.length + Workload.STATEMENTS, report.summary().statements(), "statements");
        assertEquals(Workload.SETUP.length, report.summary().unscoped(), "statements outside any scope (the table setup)");
        assertEquals(1, report.summary().scopes());
        assertEquals(1, report.summary().scopeInstances());
        Report.Scope job = report.scope(JdbcApp.SCOPE);
        assertEquals("manual", job.kind());
        assertEquals(1, job.instances());
        assertEquals(Workload.STATEMENTS, job.statements().total());
        assertEquals(Workload.STATEMENTS, job.statements().max());

        // The N+1 and the duplicate, nothing else: not the shape run once from three call sites,
        // not the batch, not the single count, not the two repetitions below the threshold.
        report.assertFindings(
                triple("n_plus_one", JdbcApp.SCOPE, CHILDREN),
                triple("duplicate", JdbcApp.SCOPE, COUNT_OF_PARENT));
        assertEquals(2, report.summary().findings());

        Finding nPlusOne = report.finding("n_plus_one", JdbcApp.SCOPE, CHILDREN);
        assertEquals(List.of(JdbcApp.SCOPE), nPlusOne.path());
        assertEquals(Workload.PARENTS, nPlusOne.repetitions());
        assertEquals(1, nPlusOne.occurrences());
        assertEquals(Workload.PARENTS, nPlusOne.totalRepetitions());
        assertEquals(N_PLUS_ONE.frame("childrenOfEach"), nPlusOne.location());
        // Only application frames: no H2, the agent's wrappers, Hikari, reflection or JDK frames.
        assertEquals(List.of(N_PLUS_ONE.frame("childrenOfEach"), CALLS_LOOP.frame("run"), RUNS_WORKLOAD.frame("main")),
                nPlusOne.stack());
        assertEquals(PARENTS, nPlusOne.trigger());
        assertNull(nPlusOne.association(), "plain JDBC: no ORM association, the stack tells the loop");
        assertNull(nPlusOne.jsonPath());
        assertEquals("select the rows for all parents at once with \"parent_id in (...)\" (or a join) instead of one select per parent",
                nPlusOne.hint());
        assertTrue(nPlusOne.timeMillis() >= 0);
        assertNull(nPlusOne.parameters(), "parameter values are hidden by default");

        Finding duplicate = report.finding("duplicate", JdbcApp.SCOPE, COUNT_OF_PARENT);
        assertEquals(List.of(JdbcApp.SCOPE), duplicate.path());
        assertEquals(4, duplicate.repetitions());
        assertEquals(1, duplicate.occurrences());
        assertEquals(DUPLICATE.frame("sameCountFourTimes"), duplicate.location());
        assertEquals(CHILD_BY_ID, duplicate.trigger());
        assertEquals("the same statement with the same values ran again: run it once and reuse its result", duplicate.hint());
    }

    @Test
    void logsStartFindingBlocksAndSummaryInTheAgentsFormat() throws IOException {
        Result result = run(Mode.DRIVER_MANAGER).assertCleanRun();
        List<LogEntry> log = result.log();

        LogEntry started = only(log, "nplusone.agent", "nplusone ");
        assertEquals("INFO", started.level());
        assertEquals("nplusone " + agentVersion() + " started: threshold 3, report " + result.reportFile() + ", parameters hidden",
                started.message());

        LogEntry nPlusOne = only(log, "nplusone.findings", "N+1 query in ");
        assertEquals("WARN", nPlusOne.level());
        assertEquals("N+1 query in import-job: 5 executions of one statement shape from one call site", nPlusOne.message());
        assertEquals(CHILDREN, nPlusOne.field("shape"));
        assertEquals(N_PLUS_ONE.frame("childrenOfEach"), nPlusOne.field("location"));
        assertEquals(List.of(N_PLUS_ONE.frame("childrenOfEach"), CALLS_LOOP.frame("run"), RUNS_WORKLOAD.frame("main")),
                nPlusOne.stack());
        assertEquals(PARENTS + "   <- likely loaded the parent rows", nPlusOne.field("after"));
        assertTrue(nPlusOne.field("time").matches("\\d+\\.\\d ms in the database"), nPlusOne::toString);
        assertNull(nPlusOne.field("params"));

        LogEntry duplicate = only(log, "nplusone.findings", "Duplicate query in ");
        assertEquals("Duplicate query in import-job: the same statement with the same parameters ran 4 times", duplicate.message());
        assertEquals(COUNT_OF_PARENT, duplicate.field("shape"));
        assertEquals(DUPLICATE.frame("sameCountFourTimes"), duplicate.field("location"));

        LogEntry summary = only(log, "nplusone.summary", "summary: ");
        assertEquals("INFO", summary.level());
        assertEquals("summary: 22 statements (5 outside any scope) in 1 scope instance of 1 name; 2 findings", summary.message());
        String details = String.join("\n", summary.more());
        assertTrue(details.contains(JdbcApp.SCOPE) && details.contains(CHILDREN) && details.contains(N_PLUS_ONE.frame("childrenOfEach")),
                summary::toString);
    }

    /**
     * Attached at run time, after the application loaded the H2 driver and opened a connection with
     * it: the driver class is retransformed, and connections made from then on are seen.
     */
    @Test
    void anAgentAttachedLaterRetransformsTheDriverLoadedBeforeIt() {
        ChildJvm jvm = ChildJvm.of("jdbc-attached-later", AttachApp.class).jvmOptions("-Djdk.attach.allowAttachSelf=true");
        Result result = jvm.args(ChildJvm.AGENT_JAR.toString(), "report=" + jvm.reportFile()).run().assertCleanRun();
        assertTrue(only(result.log(), "nplusone.agent", "nplusone ").message().contains(" attached: threshold 3, "), result::describe);

        Report report = result.report();
        assertEquals(Workload.STATEMENTS, report.summary().statements(), "the setup ran before the agent, unseen");
        assertEquals(0, report.summary().unscoped());
        report.assertFindings(
                triple("n_plus_one", JdbcApp.SCOPE, CHILDREN),
                triple("duplicate", JdbcApp.SCOPE, COUNT_OF_PARENT));
        assertEquals(List.of(N_PLUS_ONE.frame("childrenOfEach"), CALLS_LOOP.frame("run"),
                        SourceLine.of(AttachApp.class, "// runs the workload after the attach").frame("main")),
                report.finding("n_plus_one", JdbcApp.SCOPE, CHILDREN).stack());
    }

    /** The field names are a contract for other tools: each documented one is there, with the right JSON type. */
    @Test
    void reportHasTheDocumentedFieldsAndIsWrittenAtomically() throws IOException {
        Result result = run(Mode.DRIVER_MANAGER).assertCleanRun();
        JsonNode root = Report.tree(result.reportFile());

        assertHasFields(root, "version", "generated", "pid", "threshold", "summary", "scopes", "findings");
        assertEquals(1, root.get("version").intValue());
        assertEquals(result.pid(), root.get("pid").longValue(), "the child's process id");
        assertEquals(3, root.get("threshold").intValue());
        Instant generated = Instant.parse(root.get("generated").textValue());
        assertTrue(generated.isAfter(Instant.now().minusSeconds(600)), "generated: " + generated);

        assertHasFields(root.get("summary"), "scopes", "scopeInstances", "statements", "unscoped", "findings");
        root.get("summary").forEach(n -> assertTrue(n.isIntegralNumber(), "summary values are numbers: " + root.get("summary")));

        JsonNode scope = root.get("scopes").get(0);
        assertHasFields(scope, "name", "kind", "instances", "statements");
        assertHasFields(scope.get("statements"), "total", "max");

        for (JsonNode finding : root.get("findings")) {
            assertHasFields(finding, "type", "scope", "path", "shape", "repetitions", "occurrences", "totalRepetitions",
                    "location", "stack", "trigger", "hint", "timeMillis");
            assertFalse(finding.has("parameters"), "no parameters unless asked for: " + finding);
            assertTrue(finding.get("path").isArray() && finding.get("stack").isArray(), finding::toString);
            assertTrue(finding.get("repetitions").isIntegralNumber() && finding.get("timeMillis").isIntegralNumber(), finding::toString);
        }

        // Written to a temporary file and renamed: nothing but the report (and the child's output) is left.
        try (Stream<Path> files = Files.list(result.dir())) {
            assertEquals(Set.of("command.txt", "stdout.txt", "stderr.txt", "report.json"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    private static void assertHasFields(JsonNode node, String... names) {
        List<String> actual = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            actual.add(it.next());
        }
        for (String name : names) {
            assertTrue(actual.contains(name), "field '" + name + "' missing; fields: " + actual);
        }
    }

    static String agentVersion() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.AGENT_JAR.toFile())) {
            String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            assertNotNull(version, "the agent jar's manifest names its version");
            return version;
        }
    }
}

package dev.nplusone.it;

import dev.nplusone.it.apps.EventsServerApp;
import dev.nplusone.testkit.BuildProperties;
import dev.nplusone.testkit.LogEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent where applications are run in ways it does not control: beside the OpenTelemetry Java
 * agent and JaCoCo's agent (each instrumenting the same JDBC, HTTP server and application classes),
 * loaded before or after them; under a security manager; with only the JDK modules the application
 * needs; with a report path that cannot be written. Each time the application ({@link EventsServerApp},
 * a JDK HTTP server over H2) answers all its requests, and the agent finds what it finds without them.
 */
class HostileEnvironmentsIT {

    static final Path OTHER_AGENTS = BuildProperties.path("nplusone.it.otherAgents");
    static final Path OPENTELEMETRY = OTHER_AGENTS.resolve("opentelemetry-javaagent.jar");
    static final Path JACOCO = OTHER_AGENTS.resolve("jacocoagent.jar");
    static final String[] OPENTELEMETRY_OFFLINE = {
        "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
    };

    @Test
    void besideOpenTelemetryAndJacocoLoadedBeforeIt() {
        ChildJvm app = ChildJvm.of("hostile-agents-before", EventsServerApp.class);
        app.jvmOptions(OPENTELEMETRY_OFFLINE).jvmOptions(otherAgents(app))
                .jvmOptions("-javaagent:" + ChildJvm.AGENT_JAR + "=report=" + app.reportFile());
        assertFindsWhatItFindsAlone(app.run(), app);
    }

    @Test
    void besideOpenTelemetryAndJacocoLoadedAfterIt() {
        ChildJvm app = ChildJvm.of("hostile-agents-after", EventsServerApp.class).withAgent("");
        app.jvmOptions(OPENTELEMETRY_OFFLINE).jvmOptions(otherAgents(app));
        assertFindsWhatItFindsAlone(app.run(), app);
    }

    private static String[] otherAgents(ChildJvm app) {
        return new String[] {"-javaagent:" + OPENTELEMETRY, "-javaagent:" + JACOCO + "=destfile=" + app.dir().resolve("jacoco.exec")};
    }

    private static void assertFindsWhatItFindsAlone(Result result, ChildJvm app) {
        result.assertCleanRun();
        assertTrue(result.stdout().contains("done: " + EventsServerApp.REQUESTS.size() + " requests"), result::describe);
        Report report = result.report();
        assertEquals(2, report.scope("GET /events/{id}").instances());
        assertEquals(4, report.scope("GET /events").instances());
        assertEquals(2, report.summary().findings(), () -> "as without the other agents" + result.describe());
        assertTrue(Files.isRegularFile(app.dir().resolve("jacoco.exec")), "JaCoCo wrote its coverage: it worked too");
        assertTrue(result.stderr().stream().anyMatch(l -> l.contains("opentelemetry-javaagent")), "OpenTelemetry started" + result.describe());
    }

    /**
     * JDK 17's security manager, with a policy that grants the application's class path and the
     * agent's jar what they ask for and nothing to anyone else: the agent's classes, loaded by its own
     * class loader, carry its jar's code source, so the grant reaches them.
     */
    @Test
    void underASecurityManager() throws IOException {
        assumeTrue(Runtime.version().feature() < 24, "no security manager after JDK 23");
        ChildJvm app = ChildJvm.of("hostile-security-manager", EventsServerApp.class).withAgent("");
        List<String> grants = new ArrayList<>();
        List<Path> granted = new ArrayList<>(ChildJvm.TEST_CLASSPATH);
        granted.add(ChildJvm.AGENT_JAR);
        for (Path p : granted) {
            String url = p.toUri().toString();
            grants.add("grant codeBase \"" + (Files.isDirectory(p) ? url + "-" : url) + "\" {\n  permission java.security.AllPermission;\n};\n");
        }
        Path policy = Files.createDirectories(app.dir().getParent().resolve("hostile-policy")).resolve("app.policy");
        Files.writeString(policy, String.join("", grants));
        app.jvmOptions("-Djava.security.manager", "-Djava.security.policy=" + policy);
        Result result = app.run();
        assertFindsWhatItFindsAlone(result);
    }

    /** Only the modules the application needs (no jdk.unsupported, no java.management, no jdk.attach). */
    @Test
    void withOnlyTheModulesTheApplicationNeeds() {
        ChildJvm app = ChildJvm.of("hostile-limit-modules", EventsServerApp.class).withAgent("")
                .jvmOptions("--limit-modules", "java.base,java.instrument,java.sql,java.naming,java.net.http,jdk.httpserver,java.logging");
        assertFindsWhatItFindsAlone(app.run());
    }

    /**
     * A report that cannot be written: under a path that is a file, not a directory (which bites even
     * as root, where permissions do not), and on a file system nobody may write (/proc). The
     * application runs as without the agent; the agent says where it could not write.
     */
    @Test
    void aReportPathThatCannotBeWrittenLeavesTheApplicationAlone() throws IOException {
        ChildJvm inFile = ChildJvm.of("hostile-report-under-a-file", EventsServerApp.class);
        Path file = Files.createDirectories(inFile.dir().getParent().resolve("hostile-report-file")).resolve("a-file");
        Files.writeString(file, "not a directory");
        for (String report : List.of(file.resolve("report.json").toString(), "/proc/nplusone/report.json")) {
            ChildJvm app = ChildJvm.of("hostile-report-" + (report.startsWith("/proc") ? "proc" : "under-a-file"), EventsServerApp.class)
                    .withAgentArgument("report=" + report);
            Result result = app.run();
            result.assertExitCode(0);
            assertTrue(result.stdout().contains("done: " + EventsServerApp.REQUESTS.size() + " requests"), result::describe);
            List<LogEntry> said = result.log().stream().filter(e -> e.message().contains("cannot write") && e.message().contains(report))
                    .collect(Collectors.toList());
            assertFalse(said.isEmpty(), () -> "the agent names the report it cannot write" + result.describe());
            assertTrue(result.log().stream().anyMatch(e -> e.message().startsWith("summary: ")), "the summary is still logged");
            assertFalse(Files.exists(Paths.get(report)));
        }
    }

    private static void assertFindsWhatItFindsAlone(Result result) {
        result.assertCleanRun();
        assertTrue(result.stdout().contains("done: " + EventsServerApp.REQUESTS.size() + " requests"), result::describe);
        Report report = result.report();
        assertEquals(2, report.scope("GET /events/{id}").instances());
        assertEquals(2, report.summary().findings(), result::describe);
    }
}

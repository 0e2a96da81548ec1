package dev.nplusone.it;

import dev.nplusone.it.apps.EventsServerApp;
import dev.nplusone.it.apps.JdbcApp;
import dev.nplusone.it.apps.JdbcApp.Mode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import static dev.nplusone.it.JdbcConnectionsIT.CHILDREN;
import static dev.nplusone.it.JdbcConnectionsIT.N_PLUS_ONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent is built for Java 11 and newer; the build runs on 17. This runs two applications on
 * the newest JDK at hand (a JDK 25 at {@code -Dnplusone.it.jdk25}, by default where this machine
 * has one), and is skipped where there is none.
 */
class Jdk25IT {

    static final Path JDK = Paths.get(System.getProperty("nplusone.it.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    static Result jdbc;
    static Result http;

    @BeforeAll
    static void runApplications() {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/java")), "no JDK 25 at " + JDK);
        jdbc = ChildJvm.of("jdk25-jdbc", JdbcApp.class).javaHome(JDK).args(Mode.HIKARI.name()).withAgent("").run().assertCleanRun();
        http = ChildJvm.of("jdk25-http-server", EventsServerApp.class).javaHome(JDK).withAgent("").run().assertCleanRun();
    }

    @Test
    void findsTheNPlusOneOnPooledConnections() {
        Report report = jdbc.report();
        assertEquals(N_PLUS_ONE.frame("childrenOfEach"), report.finding("n_plus_one", JdbcApp.SCOPE, CHILDREN).location());
        assertEquals(22, report.summary().statements());
    }

    @Test
    void scopesRequestsOfTheJdkHttpServer() {
        Report report = http.report();
        assertEquals(2, report.scope("GET /events/{id}").instances());
        assertEquals(2, report.summary().findings());
    }

    /** The JVM itself says nothing about the agent: no warnings for the application's users to puzzle over. */
    @Test
    void theJvmPrintsNoWarningsAboutTheAgent() {
        for (Result result : List.of(jdbc, http)) {
            List<String> warnings = result.stderr().stream().filter(l -> l.startsWith("WARNING:")).collect(Collectors.toList());
            assertTrue(warnings.isEmpty(), () -> result.name() + ": the JVM warned:\n" + String.join("\n", warnings));
        }
    }
}

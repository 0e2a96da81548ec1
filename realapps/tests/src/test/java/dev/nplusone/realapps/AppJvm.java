package dev.nplusone.realapps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.testkit.BuildProperties;
import dev.nplusone.testkit.JvmLauncher;
import dev.nplusone.testkit.JvmResult;
import dev.nplusone.testkit.RunningJvm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One application in a child JVM under the packaged agent, given nothing but where to write its
 * report: {@code -javaagent:nplusone-agent.jar=report=<file>}, as a user would attach it. The shared
 * launcher ({@link JvmLauncher}) keeps its command, output and report in a directory of its own
 * under target/it-work for a look after a failure; what is added here is how these applications
 * say they serve, and the report at their end.
 */
final class AppJvm implements AutoCloseable {

    static final Path AGENT_JAR = BuildProperties.path("realapps.agentJar");

    /** Long enough for a Spring Boot start on a busy two-core machine; only a hung child waits this long. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    /** What each application prints once it serves: "...listening on http://127.0.0.1:PORT". */
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final JvmLauncher launcher;
    private RunningJvm running;

    private AppJvm(JvmLauncher launcher) {
        this.launcher = launcher.timeout(EXIT_TIMEOUT);
    }

    /** {@code java -jar <jar> <args>}. */
    static AppJvm jar(String name, Path jar, String... args) {
        assertFile(jar);
        return new AppJvm(JvmLauncher.named(name).jar(jar).args(args));
    }

    /** {@code java -cp <class path> <main class> <args>}. */
    static AppJvm main(String name, List<Path> classpath, String mainClass, String... args) {
        classpath.forEach(AppJvm::assertFile);
        return new AppJvm(JvmLauncher.named(name).classpath(classpath).mainClass(mainClass).args(args));
    }

    /** This child's own directory (emptied when it starts), for files the application needs. */
    Path dir() {
        return launcher.dir();
    }

    Path reportFile() {
        return dir().resolve("nplusone.json");
    }

    AppJvm start() {
        assertFile(AGENT_JAR);
        running = launcher.agent(AGENT_JAR, "report=" + reportFile()).start();
        return this;
    }

    /** Waits until the application says where it listens; returns that address. */
    URI awaitListening() {
        return URI.create(running.awaitStdout(LISTENING, START_TIMEOUT).group(1));
    }

    /** Stops a server with SIGTERM, as a service manager does: the agent's shutdown hook writes the report. */
    AgentReport stop() {
        return report(running.stop());
    }

    /** Waits for an application that ends by itself, with exit status 0. */
    AgentReport awaitExit() {
        return report(running.await().assertExitCode(0));
    }

    private AgentReport report(JvmResult ended) {
        assertTrue(Files.isRegularFile(reportFile()), () -> ended.name() + " ended without the agent's report " + reportFile() + ended.describe());
        return AgentReport.read(reportFile());
    }

    /** Kills the child if a failed test left it running. */
    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
    }

    private static void assertFile(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " does not exist: build it first (mvn verify -pl realapps/tests -am)");
        }
    }
}

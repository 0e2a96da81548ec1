package dev.nplusone.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real children, each a small JVM running {@link ChildApp}. */
class JvmLauncherTest {

    static final List<Path> CLASSPATH = List.of(BuildProperties.path("testkit.testClasses"));

    static JvmLauncher child(String name, String... args) {
        return JvmLauncher.named(name).classpath(CLASSPATH).mainClass(ChildApp.class.getName()).args(args);
    }

    @Test
    void theCommandNamesTheAgentBeforeTheOptionsAndTheJarInPlaceOfAMainClass() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        JvmLauncher launcher = JvmLauncher.named("command").jvmOptions("-Dx=1").agent(Path.of("/a/agent.jar"), "report=r.json")
                .jar(Path.of("/a/app.jar")).args("--port=0");
        assertEquals(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-javaagent:/a/agent.jar=report=r.json", "-Dx=1",
                "-jar", "/a/app.jar", "--port=0"), launcher.command());
        assertEquals("-javaagent:/a/agent.jar", JvmLauncher.named("command").agent(Path.of("/a/agent.jar"), "").mainClass("M").command().get(3));
        assertEquals(JvmLauncher.workRoot().resolve("command"), launcher.dir());
    }

    @Test
    void runKeepsTheOutputsInTheChildsOwnDirectory() throws Exception {
        JvmResult result = child("echo", "echo", "one", "two").jvmOptions("-Dtestkit.property=set").run().assertCleanRun();
        assertEquals(List.of("one", "two", "property: set"), result.stdout(), result::describe);
        assertEquals(List.of("on standard error"), result.stderr());
        assertEquals(result.stdout(), Files.readAllLines(result.dir().resolve("stdout.txt")));
        assertTrue(Files.readString(result.dir().resolve("command.txt")).contains(ChildApp.class.getName()));
        assertTrue(result.log().isEmpty(), "no line of the agent's log");
    }

    @Test
    void anExitCodeOtherThanZeroIsNoCleanRun() {
        JvmResult result = child("exit", "exit", "3").run();
        assertEquals(3, result.exitCode());
        result.assertExitCode(3);
        assertThrows(AssertionFailedError.class, result::assertCleanRun);
    }

    @Test
    void stopEndsAServerWithSigtermSoThatItsShutdownHooksRun() {
        try (RunningJvm server = child("serve", "serve").start()) {
            assertEquals("4711", server.awaitStdout(Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)"), Duration.ofSeconds(30)).group(1));
            assertTrue(server.isAlive());
            JvmResult result = server.stop();
            assertEquals(143, result.exitCode(), result::describe); // 128 + SIGTERM
            assertEquals("shutdown hook ran", result.stdout().get(result.stdout().size() - 1), result::describe);
        }
    }

    @Test
    void aHungChildIsKilledAndFailsTheTest() {
        try (RunningJvm hung = child("hang", "hang").timeout(Duration.ofMillis(500)).start()) {
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, hung::await);
            assertTrue(failure.getMessage().startsWith("child JVM 'hang' did not end within"), failure.getMessage());
            assertFalse(hung.isAlive());
        }
    }

    @Test
    void waitingForOutputFailsWhenTheChildEndsFirst() {
        try (RunningJvm quick = child("quick", "echo", "hello").start()) {
            assertEquals("hello", quick.awaitStdout("hel", Duration.ofSeconds(30)));
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> quick.awaitStdout("never", Duration.ofSeconds(30)));
            assertTrue(failure.getMessage().startsWith("child JVM 'quick' ended (exit 0) before printing 'never'"), failure.getMessage());
        }
    }
}

package dev.nplusone.junit;

import dev.nplusone.api.NPlusOne;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the nplusone agent records in this JVM: the one attached at start with
 * {@code -javaagent}, or else one this class attaches, once per JVM, by running the agent jar's
 * own command line, {@code java -jar nplusone-agent.jar attach <this pid>}, in a child process (a
 * JVM may not attach to itself unless started with {@code -Djdk.attach.allowAttachSelf=true}).
 *
 * <p>When that fails, every test that has a budget fails with the reason and how to attach the
 * agent at start: a budget nobody checks must not pass.
 */
final class AgentAttachment {

    /**
     * Where the agent jar is, when not on the class path. Not under {@code nplusone.}: the agent
     * reads every such system property as one of its options and refuses unknown ones.
     */
    static final String AGENT_JAR_PROPERTY = "nplusone-junit.agent-jar";
    private static final String LAUNCHER = "dev/nplusone/boot/Launcher.class";
    private static final long TIMEOUT_SECONDS = 60;

    private static boolean tried;
    private static String failure; // why the attach failed; null when it did not

    private AgentAttachment() {
    }

    /** @throws ExtensionConfigurationException when there is no agent and none could be attached */
    static synchronized void require() {
        if (NPlusOne.agentAttached()) {
            return;
        }
        if (!tried) {
            tried = true;
            failure = attach();
        }
        if (failure != null) {
            throw new ExtensionConfigurationException(failure);
        }
    }

    /** Attaches the agent; returns why it could not, or null. */
    private static String attach() {
        long pid = ProcessHandle.current().pid();
        Path jar;
        try {
            jar = agentJar();
        } catch (IllegalStateException notFound) {
            return failed(pid, notFound.getMessage(), null);
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-jar", jar.toString(), "attach", Long.toString(pid));
        Path output = null;
        try {
            output = Files.createTempFile("nplusone-attach", ".txt");
            Process attach = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            attach.getOutputStream().close(); // it reads nothing
            if (!attach.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                attach.destroyForcibly();
                return failed(pid, String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s", jar);
            }
            String said = Files.readString(output, Charset.defaultCharset()).strip();
            if (attach.exitValue() != 0) {
                return failed(pid, String.join(" ", command) + " failed (exit " + attach.exitValue() + "): " + said, jar);
            }
            if (!NPlusOne.agentAttached()) {
                return failed(pid, "the agent did not start: " + said + " (see this JVM's standard error)", jar);
            }
            return null;
        } catch (IOException e) {
            return failed(pid, "cannot run " + String.join(" ", command) + ": " + e, jar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(pid, "interrupted while attaching", jar);
        } finally {
            deleteQuietly(output);
        }
    }

    /** The jar named by {@link #AGENT_JAR_PROPERTY}, else the one on the class path (a dependency of this module). */
    private static Path agentJar() {
        String configured = System.getProperty(AGENT_JAR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path jar = Paths.get(configured).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("-D" + AGENT_JAR_PROPERTY + " names " + jar + ", which is not a file");
            }
            return jar;
        }
        URL launcher = AgentAttachment.class.getClassLoader().getResource(LAUNCHER);
        if (launcher == null) {
            throw new IllegalStateException("nplusone-agent is not on the class path (it comes with nplusone-junit5 as a runtime"
                    + " dependency), and -D" + AGENT_JAR_PROPERTY + " is not set");
        }
        if (!"jar".equals(launcher.getProtocol())) {
            throw new IllegalStateException("nplusone-agent is on the class path as a directory, not as its jar: " + launcher);
        }
        try {
            return Paths.get(((JarURLConnection) launcher.openConnection()).getJarFileURL().toURI());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot tell the agent jar from " + launcher + ": " + e);
        }
    }

    private static String failed(long pid, String reason, Path jar) {
        return "nplusone could not attach its agent to this test JVM (process " + pid + "): " + reason + System.lineSeparator()
                + "Attach it at start instead: add -javaagent:" + (jar != null ? jar.toString() : "path/to/nplusone-agent.jar")
                + " to the test JVM's arguments (Maven Surefire and Failsafe: argLine; Gradle: jvmArgs of the test task)";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file of a few bytes
            }
        }
    }
}

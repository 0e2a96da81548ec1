package dev.nplusone.junit;

import dev.nplusone.samples.BudgetSample;
import dev.nplusone.samples.ExtendWithSample;
import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When no agent is there and none can be attached, every budgeted test fails and says how to attach one. */
class AttachFailureIT {

    static final String CONFIGURATION = "org.junit.jupiter.api.extension.ExtensionConfigurationException";
    static final String HOW_TO = "Attach it at start instead: add -javaagent:%s to the test JVM's arguments"
            + " (Maven Surefire and Failsafe: argLine; Gradle: jvmArgs of the test task)";

    @Test
    void aJvmThatRefusesAttachFailsEveryBudgetedTest() {
        SampleJvm.Run run = SampleJvm.of("attach-disabled").jvmOptions("-XX:+DisableAttachMechanism")
                .run(BudgetSample.class, ExtendWithSample.class);
        Properties o = run.outcomes();
        Set<String> failed = o.stringPropertyNames().stream().filter(k -> k.endsWith(".status")).filter(k -> o.getProperty(k).equals("FAILED"))
                .map(k -> k.substring(0, k.indexOf(".status"))).collect(Collectors.toSet());
        // Method-level budgets fail each test; a class-level extension fails the class before its tests run.
        assertEquals(13, failed.size(), () -> o + run.describe());
        assertEquals(failed.size(), o.stringPropertyNames().stream().filter(k -> k.endsWith(".status")).count(), () -> o + run.describe());
        assertTrue(failed.contains("ExtendWithSample"), failed::toString);
        String message = null;
        for (String name : failed) {
            assertEquals(CONFIGURATION, o.getProperty(name + ".exception"), name);
            if (message == null) {
                message = o.getProperty(name + ".message");
            }
            assertEquals(message, o.getProperty(name + ".message"), "one attempt per JVM, one reason");
        }
        String[] lines = message.split(QueryBudgetContract.NL);
        assertEquals(2, lines.length, message);
        Pattern reason = Pattern.compile("nplusone could not attach its agent to this test JVM \\(process \\d+\\): \\S+/bin/java -jar "
                + Pattern.quote(SampleJvm.AGENT_JAR.toString()) + " attach \\d+ failed \\(exit 2\\): nplusone: cannot attach to process \\d+: .*");
        assertTrue(reason.matcher(lines[0]).matches(), lines[0]);
        assertEquals(String.format(HOW_TO, SampleJvm.AGENT_JAR), lines[1]);
        assertEquals(0, run.stderr().stream().filter(l -> l.contains("[nplusone.")).count(), run::describe);
    }

    @Test
    void withoutTheAgentJarOnTheClassPathTheFailureSaysSo() {
        SampleJvm.Run run = SampleJvm.of("no-agent-jar")
                .classpath(SampleJvm.CLASSPATH.stream().filter(p -> !p.equals(SampleJvm.AGENT_JAR)).collect(Collectors.toList()))
                .run(ExtendWithSample.class);
        Properties o = run.outcomes();
        assertEquals("FAILED", o.getProperty("ExtendWithSample.status"), () -> o + run.describe());
        assertEquals(CONFIGURATION, o.getProperty("ExtendWithSample.exception"));
        assertEquals("nplusone could not attach its agent to this test JVM (process " + run.pid() + "): nplusone-agent is not on the class"
                + " path (it comes with nplusone-junit5 as a runtime dependency), and -Dnplusone-junit.agent-jar is not set"
                + QueryBudgetContract.NL + String.format(HOW_TO, "path/to/nplusone-agent.jar"), o.getProperty("ExtendWithSample.message"));
    }

    @Test
    void anAgentJarPropertyThatNamesNoFileFailsSaying() {
        SampleJvm.Run run = SampleJvm.of("agent-jar-missing").jvmOptions("-D" + AgentAttachment.AGENT_JAR_PROPERTY + "=no/such.jar")
                .run(ExtendWithSample.class);
        Properties o = run.outcomes();
        assertEquals(CONFIGURATION, o.getProperty("ExtendWithSample.exception"), () -> o + run.describe());
        assertEquals("nplusone could not attach its agent to this test JVM (process " + run.pid() + "): -Dnplusone-junit.agent-jar names "
                + run.dir().resolve("no/such.jar") + ", which is not a file"
                + QueryBudgetContract.NL + String.format(HOW_TO, "path/to/nplusone-agent.jar"), o.getProperty("ExtendWithSample.message"));
    }
}

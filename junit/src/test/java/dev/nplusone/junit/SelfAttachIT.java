package dev.nplusone.junit;

import dev.nplusone.samples.ExtendWithSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The samples in a JVM started without the agent: the extension attaches the agent jar it finds
 * on the class path, once, and the agent takes its options from {@code -Dnplusone.*} properties.
 */
class SelfAttachIT extends QueryBudgetContract {

    static SampleJvm.Run run;

    @BeforeAll
    static void runTheSamples() {
        SampleJvm jvm = SampleJvm.of("self-attach");
        run = jvm.jvmOptions("-Dnplusone.report=" + reportOf(jvm)).run(SAMPLES);
    }

    @Override
    SampleJvm.Run run() {
        return run;
    }

    @Test
    void theAgentWasAttachedOnce() {
        assertEquals(1, run.stderr().stream().filter(l -> l.contains("[nplusone.agent] nplusone ") && l.contains(" attached: threshold 3, report "
                + reportOf(SampleJvm.of("self-attach")))).count(), run::describe);
        assertEquals(0, run.stderr().stream().filter(l -> l.contains("already attached")).count(), run::describe);
        assertEquals(0, run.stderr().stream().filter(l -> l.startsWith("WARNING:")).collect(Collectors.toList()).size(),
                () -> "Java 17 prints no warning about a dynamically loaded agent" + run.describe());
    }

    @Test
    void theAgentJarPropertyStandsInForTheClassPath() {
        SampleJvm.Run other = SampleJvm.of("self-attach-property")
                .classpath(SampleJvm.CLASSPATH.stream().filter(p -> !p.equals(SampleJvm.AGENT_JAR)).collect(Collectors.toList()))
                .jvmOptions("-D" + AgentAttachment.AGENT_JAR_PROPERTY + "=" + SampleJvm.AGENT_JAR)
                .run(ExtendWithSample.class);
        Properties o = other.outcomes();
        assertEquals(FAILED, o.getProperty("ExtendWithSample#nPlusOneFailsByDefault.exception"), () -> o + other.describe());
        assertEquals("SUCCESSFUL", o.getProperty("ExtendWithSample#manyStatementsAndDuplicatesPassByDefault.status"), () -> o + other.describe());
    }
}

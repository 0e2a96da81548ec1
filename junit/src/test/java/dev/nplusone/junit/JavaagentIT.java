package dev.nplusone.junit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples in a JVM started with {@code -javaagent}: the extension uses that agent. */
class JavaagentIT extends QueryBudgetContract {

    static SampleJvm.Run run;

    @BeforeAll
    static void runTheSamples() {
        SampleJvm jvm = SampleJvm.of("javaagent");
        run = jvm.jvmOptions("-javaagent:" + SampleJvm.AGENT_JAR + "=report=" + reportOf(jvm)).run(SAMPLES);
    }

    @Override
    SampleJvm.Run run() {
        return run;
    }

    @Test
    void theAgentStartedWithTheJvmAndNothingWasAttached() {
        assertTrue(run.stderr().stream().anyMatch(l -> l.contains("[nplusone.agent] nplusone ") && l.contains(" started: ")), run::describe);
        assertTrue(run.stderr().stream().noneMatch(l -> l.contains(" attached: ")), run::describe);
    }
}

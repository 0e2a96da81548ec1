package dev.nplusone.junit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The self-attach on the newest JDK at hand (a JDK 25 at {@code -Dnplusone.it.jdk25}, by default
 * where this machine has one; skipped where there is none): it works, and the JVM prints its
 * warning about a dynamically loaded agent, as {@code docs/junit.md} says.
 */
class SelfAttachJdk25IT extends QueryBudgetContract {

    static final Path JDK = Paths.get(System.getProperty("nplusone.it.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    static SampleJvm.Run run;

    @BeforeAll
    static void runTheSamples() {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/java")), "no JDK 25 at " + JDK);
        SampleJvm jvm = SampleJvm.of("self-attach-jdk25").javaHome(JDK);
        run = jvm.jvmOptions("-Dnplusone.report=" + reportOf(jvm)).run(SAMPLES);
    }

    @Override
    SampleJvm.Run run() {
        return run;
    }

    @Test
    void theJvmWarnsOfTheDynamicallyLoadedAgent() {
        List<String> warnings = run.stderr().stream().filter(l -> l.startsWith("WARNING:")).collect(Collectors.toList());
        assertEquals("WARNING: A Java agent has been loaded dynamically (" + SampleJvm.AGENT_JAR + ")", warnings.get(0), run::describe);
    }
}

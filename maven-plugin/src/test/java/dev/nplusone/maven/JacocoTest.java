package dev.nplusone.maven;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JacocoTest {

    static final String JAR = "/m2/org/jacoco/org.jacoco.agent/0.8.14/org.jacoco.agent-0.8.14-runtime.jar";
    static final String OURS = "-javaagent:/m2/dev/nplusone/nplusone-agent-0.1.0.jar=report=/p/target/nplusone/nplusone-%p.json";

    @Test
    void jacocosTokenIsToldToLeaveTheAgentsLoaderAndStartUpClassesAlone() {
        String args = "-Xmx1g -javaagent:" + JAR + "=destfile=/p/target/jacoco.exec " + OURS;
        assertEquals("-Xmx1g -javaagent:" + JAR + "=destfile=/p/target/jacoco.exec,exclclassloader=sun.reflect.DelegatingClassLoader:"
                + "dev.nplusone.*,excludes=dev.nplusone.boot.* " + OURS, Jacoco.excludeAgent(args));
        assertTrue(Jacoco.holdsAgent(args));
    }

    @Test
    void valuesTheUserGaveAreKeptAndExtended() {
        String args = "-javaagent:" + JAR + "=destfile=/p/j.exec,excludes=com.acme.generated.*,exclclassloader=com.acme.Loader";
        assertEquals("-javaagent:" + JAR + "=destfile=/p/j.exec,excludes=com.acme.generated.*:dev.nplusone.boot.*,"
                + "exclclassloader=com.acme.Loader:dev.nplusone.*", Jacoco.excludeAgent(args));
    }

    @Test
    void aTokenThatAlreadyExcludesTheAgentIsLeftAsItIs() {
        String once = Jacoco.excludeAgent("-javaagent:" + JAR + "=destfile=/p/j.exec");
        assertEquals(once, Jacoco.excludeAgent(once));
    }

    @Test
    void aQuotedTokenStaysQuotedAndTheRestOfTheLineAlone() {
        String args = "\"-javaagent:/my repo/org.jacoco.agent-0.8.14-runtime.jar=destfile=/my project/jacoco.exec\" " + OURS;
        assertEquals("\"-javaagent:/my repo/org.jacoco.agent-0.8.14-runtime.jar=destfile=/my project/jacoco.exec,"
                + "exclclassloader=sun.reflect.DelegatingClassLoader:dev.nplusone.*,excludes=dev.nplusone.boot.*\" "
                + OURS, Jacoco.excludeAgent(args));
    }

    @Test
    void otherAgentsAndNoAgentAreNotJacocos() {
        assertFalse(Jacoco.holdsAgent(OURS + " -Xmx1g"));
        assertEquals(OURS, Jacoco.excludeAgent(OURS));
        assertFalse(Jacoco.holdsAgent(null));
        assertTrue(Jacoco.holdsAgent("-javaagent:/tools/jacocoagent.jar"), "the agent jar of JaCoCo's distribution");
        assertEquals("-javaagent:/tools/jacocoagent.jar=exclclassloader=sun.reflect.DelegatingClassLoader:dev.nplusone.*,"
                + "excludes=dev.nplusone.boot.*", Jacoco.excludeAgent("-javaagent:/tools/jacocoagent.jar"));
    }

    @Test
    void theLoaderIsAddedToAListOfLoaders() {
        assertEquals("sun.reflect.DelegatingClassLoader:dev.nplusone.*", Jacoco.withAgentLoaders(null));
        assertEquals("com.acme.L:dev.nplusone.*", Jacoco.withAgentLoaders("com.acme.L"));
        assertEquals("dev.nplusone.*", Jacoco.withAgentLoaders("dev.nplusone.*"));
    }
}

package dev.nplusone.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentArgumentTest {

    private static final File JAR = new File("/repo/nplusone-agent.jar");

    @Test
    void reportPerProcessThenTheOptionsInOrder() throws Exception {
        String token = AgentArgument.of(JAR, new File("/build/nplusone"), List.of("threshold=4", " packages=com.acme;org.shop "));

        assertEquals("-javaagent:/repo/nplusone-agent.jar=report=/build/nplusone/nplusone-%p.json,threshold=4,packages=com.acme;org.shop", token);
    }

    @Test
    void quotedWholeWhenAPathHoldsASpace() throws Exception {
        String token = AgentArgument.of(JAR, new File("/my builds/nplusone"), null);

        assertEquals("\"-javaagent:/repo/nplusone-agent.jar=report=/my builds/nplusone/nplusone-%p.json\"", token);
    }

    @Test
    void refusesWhatTheAgentWouldMisread() {
        File dir = new File("/build/nplusone");
        assertMessage("holds a comma", () -> AgentArgument.of(JAR, dir, List.of("packages=com.acme,org.shop")));
        assertMessage("is not key=value", () -> AgentArgument.of(JAR, dir, List.of("threshold")));
        assertMessage("use the reportDirectory parameter", () -> AgentArgument.of(JAR, dir, List.of("report=x.json")));
        assertMessage("holds a comma", () -> AgentArgument.of(JAR, new File("/a,b"), null));
        assertMessage("'\"'", () -> AgentArgument.of(JAR, new File("/a\"b"), null));
    }

    @Test
    void anExistingValueStaysInFront() {
        assertEquals("-Xmx1g -javaagent:x", AgentArgument.appended(" -Xmx1g ", "-javaagent:x"));
        assertEquals("-javaagent:x", AgentArgument.appended(null, "-javaagent:x"));
        assertEquals("-javaagent:x", AgentArgument.appended("  ", "-javaagent:x"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

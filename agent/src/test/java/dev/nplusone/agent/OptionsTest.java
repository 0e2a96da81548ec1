package dev.nplusone.agent;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    private static Options parse(String args, String... properties) {
        Properties p = new Properties();
        for (int i = 0; i < properties.length; i += 2) {
            p.setProperty(properties[i], properties[i + 1]);
        }
        return Options.parse(args, p);
    }

    @Test
    void defaults() {
        Options o = parse(null);
        assertEquals(3, o.threshold());
        assertNull(o.report());
        assertFalse(o.params());
        assertEquals(Options.Log.FINDINGS, o.log());
        assertTrue(o.packages().isEmpty());
    }

    @Test
    void agentArgumentsWinOverSystemProperties() {
        Options o = parse("threshold=4,packages=com.acme;org.shop.", "nplusone.threshold", "2", "nplusone.params", "true");
        assertEquals(4, o.threshold());
        assertTrue(o.params());
        assertEquals(List.of("com.acme.", "org.shop."), o.packages());
    }

    @Test
    void reportPathExpandsThePid() {
        Options o = parse("report=target/n-%p.json");
        assertEquals(Paths.get("target/n-" + ProcessHandle.current().pid() + ".json"), o.report());
    }

    @Test
    void systemPropertiesTakeCommasInPackages() {
        assertEquals(List.of("a.b.", "c."), parse(null, "nplusone.packages", "a.b, c").packages());
    }

    @Test
    void unknownKeyNamesTheKeyAndTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("treshold=3"));
        assertEquals("unknown agent option 'treshold'; known keys: report, report-every, threshold, packages, params, log, log-file, scope-memory, and the thresholds fail-on-n-plus-one, fail-on-duplicate, fail-on-batchable, max-queries", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse(null, "nplusone.reprot", "x"));
        assertTrue(e.getMessage().startsWith("unknown system property -Dnplusone.reprot 'reprot'"), e.getMessage());
    }

    @Test
    void badValuesNameTheOptionAndWhatItAllows() {
        assertEquals("bad value '1' for option 'threshold': expected a whole number from 2 to 1000: executions from one call site that make an N+1 (default 3)",
                assertThrows(IllegalArgumentException.class, () -> parse("threshold=1")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("log=loud")).getMessage()
                .startsWith("bad value 'loud' for option 'log'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("params=maybe")).getMessage()
                .startsWith("bad value 'maybe' for option 'params'"));
    }

    @Test
    void commaSeparatedPackagesInsideTheAgentArgumentAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("packages=com.a,com.b"));
        assertTrue(e.getMessage().contains("separate package prefixes with ';'"), e.getMessage());
    }

    @Test
    void scopeMemoryIsASizeWithUnits() {
        assertEquals(32L << 20, Options.parse("", new java.util.Properties()).scopeMemory(), "32m by default");
        assertEquals(512L << 10, Options.parse("scope-memory=512k", new java.util.Properties()).scopeMemory());
        assertEquals(1L << 30, Options.parse("scope-memory=1G", new java.util.Properties()).scopeMemory());
        assertEquals(100_000, Options.parse("scope-memory=100000", new java.util.Properties()).scopeMemory());
        for (String bad : new String[] {"1k", "lots", "-5m", "12t"}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Options.parse("scope-memory=" + bad, new java.util.Properties()));
            assertEquals("bad value '" + bad + "' for option 'scope-memory': expected a size such as 32m, 512k or 1g (at least 64k;"
                    + " default 32m): the detail one scope instance may keep; past it the scope goes on counting statements but keeps"
                    + " no more detail", e.getMessage());
        }
    }

    @Test
    void reportEveryIsAPeriodWithUnits() {
        assertEquals(0, Options.parse("", new java.util.Properties()).reportEverySeconds(), "only at exit by default");
        assertEquals(30, Options.parse("report-every=30s", new java.util.Properties()).reportEverySeconds());
        assertEquals(300, Options.parse("report-every=5m", new java.util.Properties()).reportEverySeconds());
        assertEquals(7200, Options.parse("report-every=2H", new java.util.Properties()).reportEverySeconds());
        for (String bad : new String[] {"0s", "10", "soon", "-1m", "1d"}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Options.parse("report-every=" + bad, new java.util.Properties()));
            assertEquals("bad value '" + bad + "' for option 'report-every': expected a period such as 30s, 5m or 1h (at least 1s;"
                    + " default: only at exit): also write the report that often, so that a JVM killed without its shutdown hooks"
                    + " leaves a recent one", e.getMessage());
        }
    }
}

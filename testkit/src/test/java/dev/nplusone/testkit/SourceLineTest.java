package dev.nplusone.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SourceLineTest {

    @Test
    void aMarkerNamesItsLineAsTheAgentWritesAFrame() {
        assertEquals("dev.nplusone.testkit.MarkedSource.outer(MarkedSource.java:10)",
                SourceLine.of(MarkedSource.class, "// marker: in the outer class").frame("outer"));
    }

    @Test
    void aNestedClassIsFoundInItsTopLevelClassesFile() {
        SourceLine line = SourceLine.of(MarkedSource.Inner.class, "// marker: in the nested class");
        assertEquals(new SourceLine("dev.nplusone.testkit.MarkedSource$Inner", "MarkedSource.java", 19), line);
        line.assertIsFrame("dev.nplusone.testkit.MarkedSource$Inner.lambda$inner$0(MarkedSource.java:19)");
        assertThrows(AssertionFailedError.class, () -> line.assertIsFrame("dev.nplusone.testkit.MarkedSource.inner(MarkedSource.java:19)"));
    }

    @Test
    void aClassNotOnTheClassPathIsFoundByNameUnderTheRootGiven() {
        assertEquals(new SourceLine("dev.nplusone.testkit.MarkedSource", "MarkedSource.java", 10),
                SourceLine.of(SourceLine.testSources(), "dev.nplusone.testkit.MarkedSource", "// marker: in the outer class"));
    }

    @Test
    void aMarkerMustBeOnExactlyOneLine() {
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> SourceLine.of(MarkedSource.class, "// marker: twice"));
        assertEquals(true, twice.getMessage().startsWith("marker '// marker: twice' is on lines [24, 28] of "), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> SourceLine.of(MarkedSource.class, "// marker: nowhere"));
    }
}

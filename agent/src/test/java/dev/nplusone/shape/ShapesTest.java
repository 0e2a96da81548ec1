package dev.nplusone.shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape cache's bounds, and the normalizer's on inputs made to be slow or big. */
class ShapesTest {

    static final int MEGABYTE = 1 << 20;

    @Test
    void theCacheStaysWithinItsCharacters() {
        Shapes shapes = new Shapes(1_000_000);
        String columns = "c".repeat(10_000);
        for (int i = 0; i < 600; i++) { // 20,000 characters each: three times what fits
            shapes.of("select " + columns + i + " from t");
            assertTrue(shapes.chars() <= Shapes.MAX_CHARS + 2 * (columns.length() + 20), () -> "chars " + shapes.chars());
        }
        assertTrue(shapes.size() < 600, "it started over");
    }

    @Test
    void sqlLongerThanTheCachedLengthIsNotKept() {
        Shapes shapes = new Shapes(10);
        String huge = "select a from t where b = '" + "x".repeat(MEGABYTE) + "'";
        assertEquals("select a from t where b = ?", shapes.of(huge));
        assertEquals(0, shapes.size());
        assertEquals(0, shapes.chars());
    }

    @Test
    void aLongShapeKeepsItsStartAndAHashOfTheWhole() {
        Shapes shapes = new Shapes(10);
        String body = "select " + "a, ".repeat(MEGABYTE / 3);
        String one = shapes.of(body + "b from t");
        String other = shapes.of(body + "c from t");
        assertNotEquals(one, other, "statements that differ past the cut keep different shapes");
        assertTrue(one.length() < Shapes.MAX_SHAPE_LENGTH + 80, () -> one.length() + " characters");
        assertTrue(one.startsWith("select a, a, a,"), one.substring(0, 40));
        assertTrue(one.endsWith(" characters, hash " + one.substring(one.length() - 17, one.length() - 1) + ")"), one);
        assertEquals(one, shapes.of(body + "b from t"), "and the same statement the same shape");
    }

    /**
     * A megabyte of each construct a scanner might rescan from every position: open quotes, open
     * dollar quotes, open q-quotes, comments that nest without closing, backslashes. The normalizer
     * is linear, so each takes milliseconds; the timeout only stops a regression that made one
     * quadratic (hours) from hanging the build.
     */
    @ParameterizedTest
    @ValueSource(strings = {"'\\'", "'", "$a$ ", "q'[ ", "/* /* */ ", "\"", "[a", "E'\\", "-- \n", "in (1, ", "1e", "?:"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMegabyteOfAnyConstructIsNormalizedInLinearTime(String piece) {
        String sql = "select a from t where b = " + piece.repeat(MEGABYTE / piece.length());
        String shape = new Shapes(10).of(sql);
        assertTrue(shape.startsWith("select a from t where b ="), shape.substring(0, Math.min(80, shape.length())));
        assertTrue(shape.length() <= Shapes.MAX_SHAPE_LENGTH + 80, () -> shape.length() + " characters");
    }
}

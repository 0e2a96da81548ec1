package dev.nplusone.shape;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-based fuzzing of the normalizer: random statements from {@link SqlGenerator}, every
 * build, from fixed seeds (so a failure is repeatable: the message names the seed). A failing input
 * found here goes into {@code shape/regressions.txt}, which {@link ShapeCorpusTest} replays.
 *
 * <p>{@value #STATEMENTS} statements per property, {@value #JUNK} strings of random characters; a
 * few seconds in all. {@code -Dnplusone.fuzz.statements=N} runs more.
 */
class ShapeFuzzTest {

    static final int STATEMENTS = 3_000;
    static final int JUNK = 3_000;
    static final int MAX_TOKENS = 40;

    static int statements() {
        return Integer.getInteger("nplusone.fuzz.statements", STATEMENTS);
    }

    /** Whatever the characters, a shape comes back: no exception, no endless loop. */
    @Test
    void neverFailsOnAnyCharacters() {
        forEachSeed(JUNK, seed -> {
            String sql = new SqlGenerator(seed).junk(300);
            try {
                Normalizer.shape(sql);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ": " + e + " on " + quoted(sql), e);
            }
        });
    }

    /** Statements that differ only in values, comments, spacing and the case of their words share a shape. */
    @Test
    void literalsCommentsSpacingAndCaseDoNotChangeTheShape() {
        forEachSeed(statements(), seed -> {
            SqlGenerator generator = new SqlGenerator(seed);
            List<SqlGenerator.Token> statement = generator.statement(MAX_TOKENS);
            String a = generator.render(statement);
            String b = generator.render(statement);
            assertEquals(Normalizer.shape(a), Normalizer.shape(b), () -> "seed " + seed + ":\n  " + quoted(a) + "\n  " + quoted(b));
        });
    }

    /** A statement with one keyword, name, operator or punctuation changed, or taken out, has another shape. */
    @Test
    void oneStructuralChangeChangesTheShape() {
        forEachSeed(statements(), seed -> {
            SqlGenerator generator = new SqlGenerator(seed);
            List<SqlGenerator.Token> statement = generator.statement(MAX_TOKENS);
            List<SqlGenerator.Token> changed = generator.mutate(statement);
            if (changed == null) {
                return;
            }
            String a = generator.render(statement);
            String b = generator.render(changed);
            assertNotEquals(Normalizer.shape(a), Normalizer.shape(b), () -> "seed " + seed + ": merged\n  " + quoted(a) + "\n  " + quoted(b));
        });
    }

    /** A shape is its own shape: normalizing twice changes nothing. */
    @Test
    void aShapeIsItsOwnShape() {
        forEachSeed(statements(), seed -> {
            SqlGenerator generator = new SqlGenerator(seed);
            String sql = generator.render(generator.statement(MAX_TOKENS));
            String shape = Normalizer.shape(sql);
            assertEquals(shape, Normalizer.shape(shape), () -> "seed " + seed + ": " + quoted(sql));
        });
    }

    private static void forEachSeed(int count, LongConsumer property) {
        for (long seed = 1; seed <= count; seed++) {
            try {
                property.accept(seed);
            } catch (AssertionError e) {
                fail(e.getMessage() + "\n(replay: new SqlGenerator(" + seed + "L))", e);
            }
        }
    }

    /** The SQL as a Java string literal, so that a failure can be pasted into the regression corpus. */
    static String quoted(String sql) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : sql.toCharArray()) {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\\' || c == '"') {
                sb.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}

package dev.nplusone.shape;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Replays the kept corpus of hostile and vendor SQL ({@code shape/vendor-corpus.txt}) and the inputs
 * fuzzing once failed on ({@code shape/regressions.txt}): statements of one group share a shape (the
 * one given, when given), and no two groups share one.
 */
class ShapeCorpusTest {

    static final String[] FILES = {"shape/vendor-corpus.txt", "shape/regressions.txt"};

    /** One group of the corpus: a name, the shape its statements must have (or null), the statements. */
    static final class Group {
        final String file;
        final String name;
        String expected;
        final List<String> statements = new ArrayList<>();

        Group(String file, String name) {
            this.file = file;
            this.name = name;
        }
    }

    @TestFactory
    Stream<DynamicTest> statementsOfAGroupShareItsShape() {
        return groups().stream().map(g -> DynamicTest.dynamicTest(g.file + ": " + g.name, () -> {
            assertFalse(g.statements.isEmpty(), "a group without statements");
            String shape = g.expected != null ? g.expected : Normalizer.shape(g.statements.get(0));
            for (String sql : g.statements) {
                assertEquals(shape, Normalizer.shape(sql), () -> ShapeFuzzTest.quoted(sql));
                assertEquals(shape, Normalizer.shape(shape), "a shape is its own shape");
            }
        }));
    }

    @Test
    void noTwoGroupsShareAShape() {
        Map<String, String> groupOfShape = new HashMap<>();
        for (Group g : groups()) {
            String shape = Normalizer.shape(g.statements.get(0));
            String other = groupOfShape.putIfAbsent(shape, g.name);
            assertEquals(null, other, () -> "'" + g.name + "' and '" + other + "' share the shape " + shape);
        }
    }

    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (String file : FILES) {
            Group group = null;
            for (String line : read(file).split("\n", -1)) {
                if (line.startsWith("#") || (line.isEmpty() && (group == null || group.expected == null || !group.statements.isEmpty()))) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    group = new Group(file, line.substring(1, line.length() - 1));
                    groups.add(group);
                } else if (line.startsWith("=>")) {
                    assertNotNull(group, file + ": a shape before any group");
                    group.expected = line.substring(2).trim();
                } else if (!line.isEmpty()) {
                    assertNotNull(group, file + ": a statement before any group");
                    group.statements.add(unescape(line));
                }
            }
        }
        return groups;
    }

    private static String read(String resource) {
        try (InputStream in = ShapeCorpusTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code \n}, {@code \t}, {@code \\} and {@code \}{@code uXXXX}; any other backslash is itself. */
    static String unescape(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
            if (c != '\\') {
                sb.append(c);
            } else if (next == 'n') {
                sb.append('\n');
                i++;
            } else if (next == 't') {
                sb.append('\t');
                i++;
            } else if (next == '\\') {
                sb.append('\\');
                i++;
            } else if (next == 'u' && i + 5 < line.length()) {
                sb.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

package dev.nplusone.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line of a test application's source, found by a marker comment on it, so that no test names
 * a line number: {@code SourceLine.of(Workload.class, "// N+1: children of each parent")}.
 *
 * @param className the binary class name, as stack frames show it ({@code Outer$Inner})
 * @param file      the source file's name, as stack frames show it
 */
record SourceLine(String className, String file, int line) {

    /** Maven runs failsafe in the module directory; it also passes it as {@code basedir}. */
    private static final Path SOURCES = Paths.get(System.getProperty("basedir", ".")).resolve("src/test/java");

    static SourceLine of(Class<?> type, String marker) {
        Class<?> topLevel = type;
        while (topLevel.getEnclosingClass() != null) {
            topLevel = topLevel.getEnclosingClass();
        }
        Path source = SOURCES.resolve(topLevel.getName().replace('.', '/') + ".java");
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + type.getName(), e);
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                found.add(i + 1);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("marker '" + marker + "' is on lines " + found + " of " + source + "; it must be on exactly one");
        }
        return new SourceLine(type.getName(), source.getFileName().toString(), found.get(0));
    }

    /** The frame as the agent writes it: {@code pkg.Class.method(Class.java:42)}. */
    String frame(String method) {
        return className + "." + method + "(" + file + ":" + line + ")";
    }

    /** For frames of lambdas, whose method names the compiler makes up: any method, this class and line. */
    void assertIsFrame(String actual) {
        assertTrue(actual != null && actual.startsWith(className + ".") && actual.endsWith("(" + file + ":" + line + ")")
                        && actual.indexOf('(') > className.length() + 1,
                () -> "expected a frame of " + className + " at " + file + ":" + line + ", was " + actual);
    }
}

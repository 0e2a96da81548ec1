package dev.nplusone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line of an application's source, found by a marker comment on it, so that no test names a line
 * number and an edit of the application cannot leave a test checking a stale one:
 * {@code SourceLine.of(Workload.class, "// N+1: children of each parent").frame("run")}.
 *
 * @param className the binary class name, as stack frames show it ({@code Outer$Inner})
 * @param file      the source file's name, as stack frames show it
 */
public record SourceLine(String className, String file, int line) {

    /**
     * The line of {@code type}'s source in the running module's own test sources
     * ({@link #testSources()}), where the test applications of a module's integration tests live.
     */
    public static SourceLine of(Class<?> type, String marker) {
        return of(testSources(), type, marker);
    }

    /** The line of {@code type}'s source under {@code sourceRoot}; a nested class's is its top-level class's file. */
    public static SourceLine of(Path sourceRoot, Class<?> type, String marker) {
        Class<?> topLevel = type;
        while (topLevel.getEnclosingClass() != null) {
            topLevel = topLevel.getEnclosingClass();
        }
        return find(sourceRoot.resolve(topLevel.getName().replace('.', '/') + ".java"), type.getName(), marker);
    }

    /**
     * The line of a top-level class's source under {@code sourceRoot}, by name: for applications
     * whose classes are not on the tests' class path.
     */
    public static SourceLine of(Path sourceRoot, String className, String marker) {
        return find(sourceRoot.resolve(className.replace('.', '/') + ".java"), className, marker);
    }

    /**
     * {@code src/test/java} of the module under test: Maven runs surefire and failsafe in the module
     * directory and also passes it as {@code basedir}.
     */
    public static Path testSources() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/java");
    }

    /** The frame as the agent writes it: {@code pkg.Class.method(Class.java:42)}. */
    public String frame(String method) {
        return className + "." + method + "(" + file + ":" + line + ")";
    }

    /** For frames of lambdas, whose method names the compiler makes up: any method, this class and line. */
    public void assertIsFrame(String actual) {
        assertTrue(actual != null && actual.startsWith(className + ".") && actual.endsWith("(" + file + ":" + line + ")")
                        && actual.indexOf('(') > className.length() + 1,
                () -> "expected a frame of " + className + " at " + file + ":" + line + ", was " + actual);
    }

    private static SourceLine find(Path source, String className, String marker) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + className + " at " + source, e);
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
        return new SourceLine(className, source.getFileName().toString(), found.get(0));
    }
}

package dev.nplusone.realapps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack frame of an application, its line found by a marker comment in the application's
 * source, so that no test names a line number and an edit of the application cannot leave a test
 * checking a stale one.
 */
final class SourceMarker {

    private static final Path SOURCES = Settings.path("realapps.sources");

    private SourceMarker() {
    }

    /**
     * The frame as the agent writes it, {@code pkg.Class.method(Class.java:42)}, for the one line of
     * {@code className}'s source (in module {@code module}) that holds {@code marker}.
     */
    static String frame(String module, String className, String method, String marker) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        Path source = SOURCES.resolve(module).resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
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
        return className + "." + method + "(" + simpleName + ".java:" + found.get(0) + ")";
    }
}

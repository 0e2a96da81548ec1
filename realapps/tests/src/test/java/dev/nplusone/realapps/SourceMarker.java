package dev.nplusone.realapps;

import dev.nplusone.testkit.BuildProperties;
import dev.nplusone.testkit.SourceLine;
import java.nio.file.Path;

/**
 * A stack frame of an application, its line found by a marker comment in the application's
 * source ({@link SourceLine}), so that no test names a line number and an edit of the application
 * cannot leave a test checking a stale one. The sources are the applications' own, in the modules
 * beside this one.
 */
final class SourceMarker {

    private static final Path MODULES = BuildProperties.path("realapps.sources");

    private SourceMarker() {
    }

    /**
     * The frame as the agent writes it, {@code pkg.Class.method(Class.java:42)}, for the one line of
     * {@code className}'s source (in module {@code module}) that holds {@code marker}.
     */
    static String frame(String module, String className, String method, String marker) {
        return SourceLine.of(MODULES.resolve(module).resolve("src/main/java"), className, marker).frame(method);
    }
}

package dev.nplusone.testkit;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the build hands to the tests as system properties (failsafe's or surefire's
 * {@code systemPropertyVariables} in the module's pom.xml): paths of jars, class paths, directories.
 * Read when asked for, so that a test needs only the properties it uses.
 */
public final class BuildProperties {

    private BuildProperties() {
    }

    /** The property's value; fails, saying how to run the tests, when the build did not set it. */
    public static String value(String key) {
        String value = System.getProperty(key);
        // "${...}": the pom names a Maven property that this build did not define.
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + key + " is not set: the build passes it to the tests"
                    + " (systemPropertyVariables in the module's pom.xml); run them with 'mvn verify'");
        }
        return value;
    }

    /** The property as an absolute path. */
    public static Path path(String key) {
        return Path.of(value(key)).toAbsolutePath().normalize();
    }

    /** The property as a class path, split into its entries. */
    public static List<Path> classpath(String key) {
        return split(value(key));
    }

    /** A class path as the build writes one ({@code a.jar:b.jar}), split into its entries. */
    public static List<Path> split(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).map(Path::of).toList();
    }
}

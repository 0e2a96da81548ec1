package dev.nplusone.realapps;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The paths the build hands to the tests as system properties (see the failsafe configuration in pom.xml). */
final class Settings {

    private Settings() {
    }

    static Path path(String key) {
        return Path.of(value(key)).toAbsolutePath().normalize();
    }

    /** A class path property, split into its entries. */
    static List<Path> classpath(String value) {
        return Arrays.stream(value.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).map(Path::of).toList();
    }

    static String value(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + key + " is not set: run the tests with"
                    + " 'mvn verify -pl realapps/tests -am' (failsafe sets it)");
        }
        return value;
    }
}

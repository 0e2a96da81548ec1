package dev.nplusone.gate;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How the check's messages name its options: as the command line spells them, or as the tool that
 * runs the check lets its user configure them. A Maven user who set {@code <writeBaseline>} must
 * read {@code <baseline>}, not {@code --baseline}. Chosen with {@code --option-names=maven}.
 */
abstract class OptionNames {

    static final OptionNames CLI = new OptionNames() {
        @Override
        String baseline(Path file) {
            return "--baseline=" + file;
        }

        @Override
        String writeBaseline(Path file) {
            return "--write-baseline=" + file;
        }
    };

    static final OptionNames MAVEN = new OptionNames() {
        @Override
        String baseline(Path file) {
            return "<baseline>" + file + "</baseline> in the nplusone plugin's configuration (or -Dnplusone.baseline=" + file + ")";
        }

        @Override
        String writeBaseline(Path file) {
            return "-Dnplusone.writeBaseline=" + file;
        }
    };

    /** The option that reads this baseline file. */
    abstract String baseline(Path file);

    /** The option that writes this baseline file. */
    abstract String writeBaseline(Path file);

    static OptionNames of(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "cli":
                return CLI;
            case "maven":
                return MAVEN;
            default:
                throw new IllegalArgumentException("unknown value '" + value + "' for --option-names; known: cli, maven");
        }
    }
}

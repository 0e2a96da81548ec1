package dev.nplusone.gate;

import java.nio.file.Path;

/** A report that cannot be read, named, so that a gate never passes on input it did not understand. */
public final class UnreadableReport extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableReport(Path file, String why) {
        super(file + ": " + why);
    }
}

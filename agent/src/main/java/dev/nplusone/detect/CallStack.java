package dev.nplusone.detect;

import dev.nplusone.api.ReportFormat;

import java.util.List;

/**
 * The readable stack of a call site, innermost first, and whether it is the application's code or,
 * when the statement ran with no application frame on the stack (Jackson iterating a lazy
 * collection after the controller returned), the framework frames from the one that called into the
 * data access (the ORM, the pool, the driver) outwards.
 */
public final class CallStack {

    /** A call site whose stack was not taken. */
    public static final CallStack NONE = new CallStack(List.of(), false);

    private final List<String> frames;
    private final boolean application;

    public CallStack(List<String> frames, boolean application) {
        this.frames = List.copyOf(frames);
        this.application = application;
    }

    public List<String> frames() {
        return frames;
    }

    /** {@code application} or {@code framework}: what the report's {@code locationKind} says. */
    public String locationKind() {
        return application ? ReportFormat.Finding.APPLICATION : ReportFormat.Finding.FRAMEWORK;
    }
}

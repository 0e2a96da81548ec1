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

    /**
     * This stack with {@code outer} below it: the frames of a task, then those where it was
     * submitted. When only one of the two holds application frames, that one alone is the stack (the
     * pool's frames tell nothing; the loop that submitted tells where); at most {@link
     * CallSites#STACK_FRAMES} frames.
     */
    CallStack then(CallStack outer) {
        if (outer.frames.isEmpty() || application && !outer.application) {
            return this;
        }
        if (frames.isEmpty() || outer.application && !application) {
            return outer;
        }
        List<String> joined = new java.util.ArrayList<>(frames);
        joined.addAll(outer.frames.subList(0, Math.min(outer.frames.size(), Math.max(0, CallSites.STACK_FRAMES - frames.size()))));
        return new CallStack(joined, application);
    }

    public List<String> frames() {
        return frames;
    }

    /** Whether the frames are the application's own. */
    boolean isApplication() {
        return application && !frames.isEmpty();
    }

    /** {@code application} or {@code framework}: what the report's {@code locationKind} says. */
    public String locationKind() {
        return application ? ReportFormat.Finding.APPLICATION : ReportFormat.Finding.FRAMEWORK;
    }
}

package dev.nplusone.scope;

import dev.nplusone.detect.Submission;

/**
 * A scope taken along by a task or a thread: the scope instance open where the work was created,
 * and where it was created. Immutable; the same class also holds what a thread had before it
 * entered a handoff, to be put back exactly.
 */
public final class Handoff {

    /** A thread that was in no scope. */
    static final Handoff NONE = new Handoff(null, null, false);

    final Frame frame;
    final Submission origin;
    final boolean inherited;

    Handoff(Frame frame, Submission origin, boolean inherited) {
        this.frame = frame;
        this.origin = origin;
        this.inherited = inherited;
    }
}

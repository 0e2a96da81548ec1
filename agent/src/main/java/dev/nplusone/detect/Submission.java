package dev.nplusone.detect;

/**
 * Where work handed to another thread was created: the submitting thread's call site, taken once
 * at submission (a stack cannot be walked later), joined to the one where that thread's own task
 * was submitted, if it runs one. A statement of the task has the task's own frames first, then
 * these: its call site is the pair, and its location stays at the application's loop that fanned
 * out when the task's own frames hold no application code. Immutable.
 */
public final class Submission {

    private final long fingerprint;
    private final CallStack stack;

    private Submission(long fingerprint, CallStack stack) {
        this.fingerprint = fingerprint;
        this.stack = stack;
    }

    /**
     * Takes the current thread's call site: one stack walk, the readable stack from the call sites'
     * cache (walked once per submitting site for the life of the JVM).
     *
     * @param outer where the task running on this thread was submitted, or null
     */
    public static Submission here(CallSites callSites, Submission outer) {
        if (outer == null) {
            long fingerprint = callSites.fingerprint();
            return new Submission(fingerprint, callSites.stack(fingerprint));
        }
        long fingerprint = callSites.taskFingerprint();
        CallStack stack = callSites.taskStack(fingerprint);
        // A stage the JDK hands on by itself (a completion triggering the next) adds no code of the
        // application: it was created where the outer task was, whichever thread passes it on.
        return stack.isApplication() ? new Submission(outer.site(fingerprint), outer.below(stack)) : outer;
    }

    /**
     * One thread's latest submissions, so that a loop that fans out many tasks from one place is not
     * walked for each: as {@link ScopeStatements} trusts a statement loop, after {@link
     * ScopeStatements#STEADY} walks in a row that found the same call site in the same scope, only
     * one submission in {@link ScopeStatements#VERIFY_EVERY} is walked, and one that lands elsewhere
     * ends the trust. Confined to its thread.
     */
    public static final class Recent {
        private Submission last;
        private Submission lastOuter;
        private Object lastScope;
        private int streak;
        private int skipped;

        /** As {@link Submission#here}, for work created in {@code scope} (compared by identity). */
        public Submission here(CallSites callSites, Submission outer, Object scope) {
            boolean same = last != null && scope == lastScope && outer == lastOuter;
            if (same && streak >= ScopeStatements.STEADY && (++skipped & (ScopeStatements.VERIFY_EVERY - 1)) != 0) {
                return last;
            }
            Submission walked = Submission.here(callSites, outer);
            streak = same && walked.fingerprint == last.fingerprint ? streak + 1 : 1;
            last = walked;
            lastOuter = outer;
            lastScope = scope;
            return walked;
        }
    }

    /** The call site of a task's statement, from its own frames' fingerprint. */
    long site(long taskFingerprint) {
        long h = (taskFingerprint ^ fingerprint * 0x9E3779B97F4A7C15L) * 0xC2B2AE3D27D4EB4FL;
        return h ^ (h >>> 31);
    }

    /**
     * The readable stack of a task's statement: its own frames, then the submitting ones. Application
     * frames rule: when only one half has any, that half alone is the stack.
     */
    CallStack below(CallStack task) {
        return task.then(stack);
    }
}

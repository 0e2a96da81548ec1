package dev.nplusone.failure;

import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's own failures. Each kind is logged once, with its stack trace; later ones of the
 * same kind are only counted (the exit summary says how many). The application never sees them.
 */
public final class Failures {

    private static final int MAX_KINDS = 256;
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    private static final LongAdder COUNT = new LongAdder();
    private static volatile Logger logger;

    private Failures() {
    }

    public static void logTo(Logger log) {
        logger = log;
    }

    /** An unexpected exception inside the agent, caught where it happened. */
    public static void caught(String where, Throwable failure) {
        COUNT.increment();
        if (LOGGED.size() < MAX_KINDS && LOGGED.add(where + ':' + failure.getClass().getName())) {
            Logger log = logger;
            String message = "nplusone: internal error in " + where + " (logged once; the application goes on)";
            if (log != null) {
                log.warn(message, failure);
            } else {
                System.err.println(message + ": " + failure);
            }
        }
    }

    /** A condition worth one warning, not a stack trace. */
    public static void once(String kind, String message) {
        if (LOGGED.size() < MAX_KINDS && LOGGED.add(kind)) {
            Logger log = logger;
            if (log != null) {
                log.warn(message);
            } else {
                System.err.println("nplusone: " + message);
            }
        }
    }

    public static long count() {
        return COUNT.sum();
    }
}

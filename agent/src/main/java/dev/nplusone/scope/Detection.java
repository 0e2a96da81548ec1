package dev.nplusone.scope;

import dev.nplusone.detect.ScopeStatements;

/** Starts the detection state of each outermost scope instance: the agent's rules and their settings. */
@FunctionalInterface
public interface Detection {
    ScopeStatements start();
}

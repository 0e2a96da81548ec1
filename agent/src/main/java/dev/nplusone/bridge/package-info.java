/**
 * The few static methods, defined in the bootstrap loader, that advice inlined into application classes calls;
 * they forward to the agent through an interface of JDK types, and do nothing when no agent is installed.
 */
package dev.nplusone.bridge;

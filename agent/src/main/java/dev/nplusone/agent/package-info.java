/**
 * Wiring: {@code premain}/{@code agentmain}, options, the agent's own log, the one list of hooks and ORMs
 * ({@code Plugins}), and the exit reports. The only package that knows all the others.
 */
package dev.nplusone.agent;

/**
 * The agent's own failures: caught where they happen, logged once with their cause, counted for the exit
 * summary; the application never sees them.
 */
package dev.nplusone.failure;

/**
 * Scopes that cross threads: a scope is taken along where work is created (a task submitted to a JDK pool, a
 * fork/join task, a thread) and entered where it runs, the running thread's own state put back after
 * ({@code docs/threads.md}).
 */
package dev.nplusone.scope.propagation;

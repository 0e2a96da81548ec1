/**
 * Statements in: every connection of every {@code DataSource} and {@code Driver} wrapped by the agent's own
 * JDBC wrappers ({@link dev.nplusone.jdbc.ConnectionProxy} and its statements, their forwarding generated once by
 * {@link dev.nplusone.jdbc.ProxyClasses}), and the listener that hands each execution to the thread's scope. The
 * per-statement hot path starts here.
 */
package dev.nplusone.jdbc;

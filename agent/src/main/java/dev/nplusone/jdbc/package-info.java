/**
 * Statements in: every connection of every {@code DataSource} and {@code Driver} wrapped with datasource-proxy,
 * and the listener that hands each execution to the thread's scope. The per-statement hot path starts here.
 */
package dev.nplusone.jdbc;

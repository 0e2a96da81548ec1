/**
 * Outputs: the registry of scopes and findings over the JVM's life, the log blocks and exit summary, the JSON
 * report.
 */
package dev.nplusone.report;

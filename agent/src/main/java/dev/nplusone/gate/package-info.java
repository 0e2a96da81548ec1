/**
 * Judging reports against thresholds, as the build gate does: merging the reports of several JVMs, baselines,
 * and the SARIF and JUnit XML outputs.
 */
package dev.nplusone.gate;

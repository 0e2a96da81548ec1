/**
 * The HTML report: one self-contained page made from JSON reports, for people who triage findings
 * in a browser. Reads reports through the gate's reader and merges findings by the gate's identity.
 */
package dev.nplusone.html;

/**
 * A small JSON writer and reader, for the report and the gate: no library, no reflection.
 */
package dev.nplusone.json;

/**
 * Java Flight Recorder events of the agent's findings and scopes, for JDK Mission Control and the
 * APM tools that read recordings. Emitted only while a recording has them enabled.
 */
package dev.nplusone.jfr;

/**
 * Finding and attaching to running JVMs for the command line ({@code list}, {@code attach}, {@code dump},
 * {@code detach}), through the JDK's attach API.
 */
package dev.nplusone.attach;

/**
 * The launcher on the system class path ({@code Premain-Class}, {@code Agent-Class}, {@code Main-Class}) and the
 * isolated class loader that loads everything else of the agent from {@code inst/**.classdata}. JDK types only.
 */
package dev.nplusone.boot;

/**
 * The command line of {@code nplusone-agent.jar}: attach, dump, detach, list, check.
 */
package dev.nplusone.cli;

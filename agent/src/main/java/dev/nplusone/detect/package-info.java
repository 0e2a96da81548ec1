/**
 * The rules, pure and without I/O: call sites and which frame is the application's ({@code FrameFilter},
 * {@code CallSites}), what one scope instance recorded ({@code ScopeStatements}), the three rules ({@code Rules}),
 * the query behind each finding ({@code ParentQueries}) and its fix ({@code Hints}).
 */
package dev.nplusone.detect;

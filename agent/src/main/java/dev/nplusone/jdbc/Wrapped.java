package dev.nplusone.jdbc;

/**
 * Marks the agent's own JDBC wrappers. A pool's connection that reveals one underneath
 * ({@code isWrapperFor(Wrapped.class)}) is not wrapped again.
 */
public interface Wrapped {
}

/**
 * Which unit of work a statement belongs to: the per-thread stack of scopes ({@code Scopes}), their kinds, and
 * what a statement is part of ({@code StatementOrigins}). Sinks and detection are given by the agent.
 */
package dev.nplusone.scope;

/**
 * What a library's instrumentation is ({@code Hook}): the types it matches and the advice it inlines. Each hook
 * lives next to its advice, in the package of what it hooks.
 */
package dev.nplusone.hook;

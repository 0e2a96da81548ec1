/**
 * Reflection helpers: public methods of classes the agent is not compiled against, and generated classes.
 */
package dev.nplusone.reflect;

/**
 * A statement's shape: its SQL with every value taken out, cached per distinct SQL string.
 */
package dev.nplusone.shape;

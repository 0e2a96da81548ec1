/**
 * Jackson 2 and 3 serializations as scopes nested in a request, and the JSON path being written.
 */
package dev.nplusone.scope.serialization;

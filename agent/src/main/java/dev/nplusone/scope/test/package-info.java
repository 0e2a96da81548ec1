/**
 * Test methods (JUnit 5, JUnit 4, TestNG) as scopes of kind {@code test}.
 */
package dev.nplusone.scope.test;

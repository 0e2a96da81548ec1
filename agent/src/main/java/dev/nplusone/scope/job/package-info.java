/**
 * Scheduled work as scopes of kind {@code job}: each run of a Spring {@code @Scheduled} method or of a Quartz
 * {@code Job} is one instance, named {@code SimpleClassName.method}.
 */
package dev.nplusone.scope.job;

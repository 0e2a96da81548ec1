/**
 * HTTP requests as scopes: servlet filters and servlets (jakarta and javax) and the JDK's HTTP server, named
 * by method and route.
 */
package dev.nplusone.scope.http;

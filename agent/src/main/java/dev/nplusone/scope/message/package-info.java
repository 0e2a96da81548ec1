/**
 * JMS messages as scopes of kind {@code message}: each message a listener handles ({@code javax.jms} and
 * {@code jakarta.jms} {@code MessageListener}s, Spring's {@code SessionAwareMessageListener}s, which its
 * {@code @JmsListener} methods run in) is one instance, named {@code message <destination>}.
 */
package dev.nplusone.scope.message;

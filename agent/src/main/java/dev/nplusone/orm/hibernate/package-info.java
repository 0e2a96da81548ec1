/**
 * Hibernate 5 (javax), 6 and 7 (jakarta): advice marking its lazy collection and proxy loads, and the
 * {@code Orm} that names them through Hibernate's public types and the JPA metamodel.
 */
package dev.nplusone.orm.hibernate;

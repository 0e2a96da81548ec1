/**
 * The standard JPA metamodel, read reflectively once per persistence unit: what every JPA provider shares.
 */
package dev.nplusone.orm.jpa;

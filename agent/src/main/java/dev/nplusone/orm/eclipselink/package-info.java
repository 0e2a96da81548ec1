/**
 * EclipseLink (JPA; tested with 4.0): advice marking the loads of its value holders, behind its lazy collections and its
 * woven lazy to-ones, and the {@code Orm} that names them from EclipseLink's own mappings.
 */
package dev.nplusone.orm.eclipselink;

/**
 * What an ORM tells about a finding ({@code Orm}): the association a lazy load stands for, its proxies, and the
 * fix in its own words. One sub-package per ORM.
 */
package dev.nplusone.orm;

package dev.nplusone.orm;

import java.util.Locale;

/**
 * Fixes worded with what every JPA provider has (a join fetch, an entity graph), and what one
 * provider adds to load an association for many parents at once ({@code @BatchSize} in
 * Hibernate, {@code @BatchFetch} in EclipseLink), named by the ORM.
 */
public class JpaFixes {

    /** Without a provider's batch loading: join fetches and entity graphs only. */
    public static final JpaFixes PORTABLE = new JpaFixes(null);

    private final String batchAnnotation;

    /** @param batchAnnotation what loads a to-many for many owners at once ({@code @BatchSize}); null for none */
    public JpaFixes(String batchAnnotation) {
        this.batchAnnotation = batchAnnotation;
    }

    public String fix(Association association, String fetchFrom, String fetchPath) {
        if (association.owner() == null) {
            return unknownHolder(association);
        }
        String owner = simpleName(association.owner());
        String name = owner + "." + association.property();
        boolean direct = fetchFrom == null || fetchPath == null || fetchPath.equals(association.property());
        String root = simpleName(direct ? association.owner() : fetchFrom);
        StringBuilder hint = new StringBuilder("fetch ").append(name).append(" with the query that loads the ").append(plural(root)).append(": ");
        if (direct) {
            hint.append("left join fetch ").append(alias(owner)).append('.').append(association.property())
                    .append(", or @EntityGraph(attributePaths = \"").append(association.property()).append("\")");
        } else {
            hint.append("@EntityGraph(attributePaths = \"").append(fetchPath).append("\"), or join fetches along that path");
        }
        if (association.kind().many() && batchAnnotation != null) {
            hint.append("; or load it for many ").append(plural(owner)).append(" at once with ").append(batchAnnotation)
                    .append(" on ").append(name);
        }
        return hint.toString();
    }

    private String unknownHolder(Association association) {
        String entity = simpleName(association.target());
        if (association.candidates().isEmpty()) {
            return "these " + entity + " proxies were initialized one at a time: fetch them with the query that loads"
                    + " what holds them (a join fetch or an entity graph)"
                    + (batchAnnotation == null ? "" : ", or load them in batches with " + batchAnnotation + " on " + entity);
        }
        StringBuilder names = new StringBuilder();
        for (Association candidate : association.candidates()) {
            names.append(names.length() == 0 ? "" : " or ").append(simpleName(candidate.owner())).append('.').append(candidate.property());
        }
        return "these " + entity + " proxies belong to " + names + ": fetch that association with the query that loads"
                + " its owners (a join fetch, or an @EntityGraph naming it)";
    }

    /** {@code Event} for {@code com.acme.Event} or {@code com.acme.Outer$Event}. */
    public static String simpleName(String className) {
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }

    private static String alias(String simpleName) {
        return simpleName.substring(0, 1).toLowerCase(Locale.ROOT);
    }

    /** {@code Events}, {@code Categories}, {@code Addresses}: for fixes that name a set of entities. */
    public static String plural(String noun) {
        String lower = noun.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return noun + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }
}

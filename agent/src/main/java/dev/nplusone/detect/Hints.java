package dev.nplusone.detect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line fix a finding suggests, suited to what was found: for a lazy association, fetching it
 * with the query that loads its parents (a join fetch or an entity graph) or, for a to-many, loading
 * it in batches; for statements issued in a loop without an ORM, one statement with {@code IN (...)}
 * or one JDBC batch.
 */
public final class Hints {

    // "a1_0.event_id = ?": a column compared with one value; several of them make no IN rewrite.
    private static final Pattern ONE_VALUE = Pattern.compile("([\\w$.\"`\\[\\]]+) = \\?");

    private Hints() {
    }

    /**
     * @param association the association the statements loaded; null when none is known
     * @param fetchFrom   the entity whose query should fetch it: the association's owner, or the entity
     *                    at the root of the lazy loads that brought the owners (null: the owner)
     * @param fetchPath   the association's attribute path from {@code fetchFrom} ({@code attendees.organization})
     */
    public static String nPlusOne(String shape, Association association, String fetchFrom, String fetchPath) {
        if (association == null) {
            return loop(shape);
        }
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
        if (association.kind().many()) {
            hint.append("; or load it for many ").append(plural(owner)).append(" at once with @BatchSize on ").append(name);
        }
        return hint.toString();
    }

    /** For one write repeated from one call site: one batch, and how an ORM makes one. */
    public static String batchable(String shape) {
        String verb = shape.isEmpty() ? "write" : shape.split(" ", 2)[0];
        return "send them as one JDBC batch (addBatch, executeBatch) instead of one " + verb + " each; with Hibernate, set"
                + " hibernate.jdbc.batch_size (and hibernate.order_inserts, hibernate.order_updates) and write them in one"
                + " transaction (Spring Data: saveAll)" + ("insert".equals(verb) ? "; IDENTITY ids turn insert batching off, a"
                + " sequence does not" : "");
    }

    public static String duplicate() {
        return "the same statement with the same values ran again: run it once and reuse its result";
    }

    private static String unknownHolder(Association association) {
        String entity = simpleName(association.target());
        if (association.candidates().isEmpty()) {
            return "these " + entity + " proxies were initialized one at a time: fetch them with the query that loads"
                    + " what holds them (a join fetch or an entity graph), or load them in batches with @BatchSize on " + entity;
        }
        StringBuilder names = new StringBuilder();
        for (Association candidate : association.candidates()) {
            names.append(names.length() == 0 ? "" : " or ").append(simpleName(candidate.owner())).append('.').append(candidate.property());
        }
        return "these " + entity + " proxies belong to " + names + ": fetch that association with the query that loads"
                + " its owners (a join fetch, or an @EntityGraph naming it)";
    }

    private static String loop(String shape) {
        String verb = shape.isEmpty() ? "" : shape.split(" ", 2)[0];
        switch (verb) {
            case "select":
                Matcher m = ONE_VALUE.matcher(shape);
                if (m.find()) {
                    String column = m.group(1);
                    if (!m.find()) {
                        return "select the rows for all parents at once with \"" + column + " in (...)\" (or a join)"
                                + " instead of one select per parent";
                    }
                }
                return "select the rows for all parents at once, with IN (...) or a join, instead of one select per parent";
            default:
                return "run one statement for all the rows (IN (...) or a batch) instead of one per row";
        }
    }

    /** {@code Event} for {@code com.acme.Event} or {@code com.acme.Outer$Event}. */
    static String simpleName(String className) {
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }

    private static String alias(String simpleName) {
        return simpleName.substring(0, 1).toLowerCase(Locale.ROOT);
    }

    private static String plural(String noun) {
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

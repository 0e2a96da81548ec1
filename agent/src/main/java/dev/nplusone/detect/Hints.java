package dev.nplusone.detect;

import dev.nplusone.orm.Association;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line fix a finding suggests, suited to what was found. For a lazy association the ORM
 * that loaded it words the fix ({@link Association#fix}); for statements issued in a loop without
 * one, one statement with {@code IN (...)}; for writes, one JDBC batch; for a duplicate, reuse.
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
        return association == null ? loop(shape) : association.fix(fetchFrom, fetchPath);
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

    private static String loop(String shape) {
        if (!shape.startsWith("select ")) {
            return "run one statement for all the rows (IN (...) or a batch) instead of one per row";
        }
        Matcher m = ONE_VALUE.matcher(shape);
        if (m.find()) {
            String column = m.group(1);
            if (!m.find()) {
                return "select the rows for all parents at once with \"" + column + " in (...)\" (or a join)"
                        + " instead of one select per parent";
            }
        }
        return "select the rows for all parents at once, with IN (...) or a join, instead of one select per parent";
    }
}

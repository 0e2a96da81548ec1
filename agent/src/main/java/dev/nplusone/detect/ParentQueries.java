package dev.nplusone.detect;

import dev.nplusone.orm.Association;

import java.util.Map;

/**
 * Which query loaded the parent rows of a finding (its trigger), and from where the association is
 * best fetched: following the lazy loads that brought its owners back to the query at their root
 * (organizations loaded their attendees lazily, whose events load one by one: fetch
 * {@code attendees.events} with the organizations). Worked out once, when the scope closes.
 */
final class ParentQueries {

    /** Lazy loads followed back from a finding to the query at their root, for its hint. */
    static final int MAX_CHAIN = 4;

    private final Map<String, ShapeGroup> shapes;
    private final Attributor attributor;
    private final int threshold;

    ParentQueries(Map<String, ShapeGroup> shapes, Attributor attributor, int threshold) {
        this.shapes = shapes;
        this.attributor = attributor;
        this.threshold = threshold;
    }

    /** The parents of a group's statements, for the association they loaded (null for plain JDBC). */
    Parents of(ShapeGroup group, Association association) {
        Choice trigger = trigger(group, association);
        String fetchFrom = association == null ? null : association.owner();
        String fetchPath = association == null ? null : association.property();
        Choice link = trigger;
        for (int depth = 0; fetchFrom != null && link != null && link.via != null && depth < MAX_CHAIN; depth++) {
            Association via = link.via;
            if (via.owner() == null) {
                break;
            }
            fetchPath = via.property() + "." + fetchPath;
            fetchFrom = via.owner();
            link = trigger(link.group, via);
        }
        return new Parents(trigger == null ? null : trigger.shape, fetchFrom, fetchPath);
    }

    /**
     * The statement that loaded the parent rows of a group: the last distinct shape before its first
     * execution, passing over what cannot have loaded them. Only a query returns rows: never a write,
     * DDL or a call. For a lazy association, lazy loads of other associations and other loops over
     * the same parents (a query per parent, as the association is loaded per parent) are passed over
     * too; without an association, only other lazy loads repeated per parent, since a plain loop may
     * well run inside another plain loop that loaded its parents.
     */
    private Choice trigger(ShapeGroup group, Association association) {
        for (String shape : group.before) {
            ShapeGroup candidate = shapes.get(shape);
            if (candidate == null) {
                if (StatementKind.of(shape) != StatementKind.QUERY) {
                    continue;
                }
                return new Choice(shape, null, null); // past the bounds: nothing known about it
            }
            if (candidate.kind != StatementKind.QUERY) {
                continue;
            }
            if (candidate.lazyLoad != null) {
                Association loaded = candidate.association(attributor);
                if (association != null && loaded != null && association.holdersLoadedBy(loaded)) {
                    return new Choice(shape, loaded, candidate);
                }
                if (association != null || candidate.isNPlusOne(threshold)) {
                    continue;
                }
                return new Choice(shape, null, candidate);
            }
            if (association != null && candidate.isNPlusOne(threshold)) {
                continue;
            }
            return new Choice(shape, null, candidate);
        }
        return null;
    }

    /** A trigger: its shape, and the association whose lazy load ran it when that loaded the parents. */
    private static final class Choice {
        final String shape;
        final Association via;
        final ShapeGroup group;

        Choice(String shape, Association via, ShapeGroup group) {
            this.shape = shape;
            this.via = via;
            this.group = group;
        }
    }

    /** The query that loaded the parents, and where the hint fetches the association from. */
    static final class Parents {
        final String trigger;
        final String fetchFrom;
        final String fetchPath;

        Parents(String trigger, String fetchFrom, String fetchPath) {
            this.trigger = trigger;
            this.fetchFrom = fetchFrom;
            this.fetchPath = fetchPath;
        }
    }
}

package dev.nplusone.orm;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An ORM association whose lazy load ran statements: {@code com.acme.Event.attendees}. Immutable;
 * names only (no classes), so that a finding kept for the JVM's lifetime holds no application class.
 *
 * <p>A to-one proxy knows the entity it stands for but not which association holds it. When the
 * mapping has one candidate, or a serializer was writing that property, the holder is known; else
 * {@link #candidates()} lists every association that could hold it, and {@link #owner()} is null.
 */
public final class Association {

    /** The JPA mapping of the association, or only its side when the mapping was not readable. */
    public enum Kind {
        ONE_TO_MANY(true), MANY_TO_MANY(true), ELEMENT_COLLECTION(true), MANY_TO_ONE(false), ONE_TO_ONE(false),
        TO_MANY(true), TO_ONE(false);

        private final boolean many;

        Kind(boolean many) {
            this.many = many;
        }

        public boolean many() {
            return many;
        }

        /** {@code many-to-one}, {@code element-collection}, {@code to-many}... */
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String owner;
    private final String property;
    private final Kind kind;
    private final String target;
    private final Set<String> targetTypes;
    private final List<Association> candidates;
    private final Orm orm;

    /**
     * @param owner       the entity (class name) that declares it; null when a to-one's holder is not known
     * @param property    its attribute path in the owner ({@code attendees}, {@code address.city}); null with owner
     * @param target      the entity it loads (for an element collection, the element class); may be null
     * @param targetTypes the target and its superclasses, to tell whether it loaded the parents of another load
     * @param candidates  when the owner is not known: the associations that could hold it, each with its owner
     */
    public Association(String owner, String property, Kind kind, String target, Set<String> targetTypes,
                       List<Association> candidates) {
        this(owner, property, kind, target, targetTypes, candidates, null);
    }

    /** @param orm the ORM that maps it, which words its fix; null for JPA's portable wording */
    public Association(String owner, String property, Kind kind, String target, Set<String> targetTypes,
                       List<Association> candidates, Orm orm) {
        this.orm = orm;
        this.owner = owner;
        this.property = property;
        this.kind = kind;
        this.target = target;
        this.targetTypes = Set.copyOf(targetTypes);
        this.candidates = List.copyOf(candidates);
    }

    /**
     * {@code com.acme.Event.attendees} (for a collection, Hibernate's role); when a to-one's holder
     * is not known, its candidates joined by {@code " or "}; the proxied entity when there is none.
     */
    public String name() {
        if (owner != null) {
            return owner + "." + property;
        }
        if (candidates.isEmpty()) {
            return target;
        }
        StringBuilder names = new StringBuilder();
        for (Association candidate : candidates) {
            names.append(names.length() == 0 ? "" : " or ").append(candidate.name());
        }
        return names.toString();
    }

    public String owner() {
        return owner;
    }

    public String property() {
        return property;
    }

    public Kind kind() {
        return kind;
    }

    public String target() {
        return target;
    }

    /** Associations that could hold a to-one proxy whose holder is not known; empty otherwise. */
    public List<Association> candidates() {
        return candidates;
    }

    /** The fix for loading it once per parent, in the words of the ORM that maps it (see {@link Orm#fix}). */
    public String fix(String fetchFrom, String fetchPath) {
        return orm == null ? JpaFixes.PORTABLE.fix(this, fetchFrom, fetchPath) : orm.fix(this, fetchFrom, fetchPath);
    }

    /** Whether what it loads is an instance of that entity (or a subclass of it). */
    public boolean loads(String entity) {
        return entity != null && targetTypes.contains(entity);
    }

    /** Whether {@code parent} loaded the rows this association belongs to: its owner, or a candidate's. */
    public boolean holdersLoadedBy(Association parent) {
        if (owner != null) {
            return parent.loads(owner);
        }
        for (Association candidate : candidates) {
            if (parent.loads(candidate.owner)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name() + " (" + kind.json() + ")";
    }
}

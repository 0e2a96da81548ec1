package dev.nplusone.orm.jpa;

import dev.nplusone.orm.Association;
import dev.nplusone.orm.Orm;
import dev.nplusone.reflect.PublicMethods;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The associations of one persistence unit, read once from its standard JPA metamodel
 * ({@code jakarta.persistence} or {@code javax.persistence}, through reflection: the agent is built
 * against neither): every to-many by its Hibernate role, every to-one with its owner and target.
 * Attributes of embedded values are read one level down ({@code address.country}).
 */
public final class JpaMapping {

    private static final int EMBEDDED_DEPTH = 3;

    /** By {@code com.acme.Event.attendees}: Hibernate's collection role, and the same form for to-ones. */
    private final Map<String, Association> byName = new HashMap<>();
    private final Orm orm;
    private final List<ToOne> toOnes = new ArrayList<>();

    /** A to-one attribute, with the classes that tell which proxies it can hold. */
    private static final class ToOne {
        final Class<?> owner;
        final Class<?> target;
        final Association association;

        ToOne(Class<?> owner, Class<?> target, Association association) {
            this.owner = owner;
            this.target = target;
            this.association = association;
        }
    }

    private JpaMapping(Orm orm) {
        this.orm = orm;
    }

    /**
     * Reads the mapping of a session factory (a JPA {@code EntityManagerFactory}).
     *
     * @param orm the ORM whose associations these are: it words their fixes
     */
    public static JpaMapping of(Object factory, Orm orm) {
        JpaMapping mapping = new JpaMapping(orm);
        Object metamodel = PublicMethods.call(factory, "getMetamodel");
        Object entities = PublicMethods.call(metamodel, "getEntities");
        if (!(entities instanceof Collection)) {
            return mapping;
        }
        for (Object entity : (Collection<?>) entities) {
            Object type = PublicMethods.call(entity, "getJavaType");
            if (type instanceof Class && attributes(entity) != null) {
                for (Object attribute : attributes(entity)) {
                    mapping.read((Class<?>) type, "", attribute, 0);
                }
            }
        }
        return mapping;
    }

    private static Collection<?> attributes(Object managedType) {
        Object attributes = PublicMethods.call(managedType, "getAttributes");
        return attributes instanceof Collection ? (Collection<?>) attributes : null;
    }

    private void read(Class<?> owner, String prefix, Object attribute, int depth) {
        String name = (String) PublicMethods.call(attribute, "getName");
        Object persistentType = PublicMethods.call(attribute, "getPersistentAttributeType");
        if (name == null || !(persistentType instanceof Enum)) {
            return;
        }
        String path = prefix + name;
        String kind = ((Enum<?>) persistentType).name();
        if (kind.equals("EMBEDDED")) {
            Collection<?> nested = depth < EMBEDDED_DEPTH ? attributes(PublicMethods.call(attribute, "getType")) : null;
            if (nested != null) {
                for (Object inner : nested) {
                    read(owner, path + ".", inner, depth + 1);
                }
            }
            return;
        }
        Association.Kind associationKind = kindOf(kind);
        Object target = PublicMethods.call(attribute, "getBindableJavaType");
        if (associationKind == null || !(target instanceof Class)) {
            return;
        }
        Class<?> targetType = (Class<?>) target;
        Association association = new Association(owner.getName(), path, associationKind, targetType.getName(), typeNames(targetType), List.of(), orm);
        byName.put(association.name(), association);
        if (!associationKind.many() && !inheritedFromEntity(owner, attribute)) {
            toOnes.add(new ToOne(owner, targetType, association));
        }
    }

    // An entity's attributes include those of the entity it extends: count each to-one once, at the entity that declares it.
    private static boolean inheritedFromEntity(Class<?> owner, Object attribute) {
        Object declaring = PublicMethods.call(attribute, "getDeclaringType");
        Object declaringClass = PublicMethods.call(declaring, "getJavaType");
        Object persistenceType = PublicMethods.call(declaring, "getPersistenceType");
        return declaringClass != owner && persistenceType instanceof Enum && ((Enum<?>) persistenceType).name().equals("ENTITY");
    }

    private static Association.Kind kindOf(String persistentAttributeType) {
        switch (persistentAttributeType) {
            case "ONE_TO_MANY":
                return Association.Kind.ONE_TO_MANY;
            case "MANY_TO_MANY":
                return Association.Kind.MANY_TO_MANY;
            case "ELEMENT_COLLECTION":
                return Association.Kind.ELEMENT_COLLECTION;
            case "MANY_TO_ONE":
                return Association.Kind.MANY_TO_ONE;
            case "ONE_TO_ONE":
                return Association.Kind.ONE_TO_ONE;
            default:
                return null;
        }
    }

    /** The class and its superclasses, by name: a load of an Attendee loads a Person too. */
    public static Set<String> typeNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            names.add(t.getName());
        }
        return names;
    }

    /** A collection by its Hibernate role; null when the mapping does not have it. */
    public Association collection(String role) {
        return byName.get(role);
    }

    /**
     * The to-one that holds a proxy of {@code target}. When several could, the one that a serializer
     * was writing ({@code holder}'s {@code property}) picks it; else the answer lists them all.
     *
     * @param holder   the object whose property was being written; null when none
     * @param property that property's JSON name; null when none
     */
    public Association toOne(Class<?> target, Object holder, String property) {
        List<ToOne> candidates = new ArrayList<>();
        for (ToOne toOne : toOnes) {
            if (toOne.target.isAssignableFrom(target)) {
                candidates.add(toOne);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0).association;
        }
        if (holder != null) {
            List<ToOne> ofHolder = new ArrayList<>();
            for (ToOne toOne : candidates) {
                if (toOne.owner.isInstance(holder)) {
                    if (toOne.association.property().equals(property)) {
                        return toOne.association;
                    }
                    ofHolder.add(toOne);
                }
            }
            if (ofHolder.size() == 1) {
                return ofHolder.get(0).association; // the JSON name differs from the attribute's
            }
        }
        List<Association> possible = new ArrayList<>();
        boolean allManyToOne = true;
        for (ToOne toOne : candidates) {
            possible.add(toOne.association);
            allManyToOne &= toOne.association.kind() == Association.Kind.MANY_TO_ONE;
        }
        possible.sort(java.util.Comparator.comparing(Association::name)); // the metamodel's sets have no order
        Association.Kind kind = allManyToOne && !possible.isEmpty() ? Association.Kind.MANY_TO_ONE : Association.Kind.TO_ONE;
        return new Association(null, null, kind, target.getName(), typeNames(target), possible, orm);
    }
}

package dev.nplusone.orm.hibernate;

import dev.nplusone.orm.jpa.JpaMapping;

import dev.nplusone.failure.Failures;
import dev.nplusone.hook.Hook;
import dev.nplusone.orm.Association;
import dev.nplusone.orm.JpaFixes;
import dev.nplusone.orm.Orm;
import dev.nplusone.reflect.PublicMethods;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hibernate, 5 (javax) to 7 (jakarta), as an {@link Orm}. Names the association behind a Hibernate lazy load, given what {@link CollectionLoadAdvice} and
 * {@link ProxyLoadAdvice} marked: a collection (its role is the association's name) or a to-one
 * proxy's initializer (it knows the entity it stands for; the mapping, or the serializer that was
 * writing it, tells which association holds it).
 *
 * <p>Through Hibernate's public types only ({@code PersistentCollection}, {@code LazyInitializer},
 * {@code HibernateProxy}) and the standard JPA metamodel, read reflectively: the same code serves
 * Hibernate 5 (javax) to 7 (jakarta). Asked only when a statement repeats; never throws.
 */
public final class HibernateOrm implements Orm {

    static final String COLLECTION = "org.hibernate.collection.spi.PersistentCollection";
    static final String INITIALIZER = "org.hibernate.proxy.LazyInitializer";
    static final String PROXY = "org.hibernate.proxy.HibernateProxy";

    private enum Type { COLLECTION, INITIALIZER, PROXY, OTHER }

    private static final ClassValue<Type> TYPES = new ClassValue<Type>() {
        @Override
        protected Type computeValue(Class<?> type) {
            if (PublicMethods.isA(type, COLLECTION)) {
                return Type.COLLECTION;
            }
            if (PublicMethods.isA(type, INITIALIZER)) {
                return Type.INITIALIZER;
            }
            return PublicMethods.isA(type, PROXY) ? Type.PROXY : Type.OTHER;
        }
    };

    private static final JpaFixes FIXES = new JpaFixes("@BatchSize");

    /** One mapping per session factory, read the first time one of its associations repeats. */
    private final Map<Object, JpaMapping> mappings = new WeakHashMap<>();

    /**
     * The association a lazy load stands for; null when it is none of Hibernate's or cannot be read.
     *
     * @param holder   the object a serializer was writing a property of, to tell which to-one holds a
     *                 proxy when several could; null when none
     * @param property that property's name; null when none
     */
    @Override
    public Association describe(Object lazyLoad, Object holder, String property) {
        if (lazyLoad == null) {
            return null;
        }
        try {
            switch (TYPES.get(lazyLoad.getClass())) {
                case COLLECTION:
                    return collection(lazyLoad);
                case INITIALIZER:
                    return toOne(lazyLoad, holder, property);
                default:
                    return null;
            }
        } catch (Throwable failure) {
            Failures.caught("reading a Hibernate association", failure);
            return null;
        }
    }

    /** Whether {@code value} is the proxy that the lazy load initializes: what a serializer writes is then the association itself. */
    @Override
    public boolean isProxyOf(Object value, Object lazyLoad) {
        if (value == null || lazyLoad == null || TYPES.get(value.getClass()) != Type.PROXY) {
            return false;
        }
        try {
            return PublicMethods.call(value, "getHibernateLazyInitializer") == lazyLoad;
        } catch (Throwable failure) {
            Failures.caught("reading a Hibernate proxy", failure);
            return false;
        }
    }

    /** Bytecode enhancement adds {@code $$_hibernate_read_x()} and its kin to entities. */
    @Override
    public String generatedMethodPrefix() {
        return "$$_hibernate_";
    }

    @Override
    public boolean isOwnClass(Class<?> type) {
        return type.getName().startsWith("org.hibernate.");
    }

    @Override
    public Hook hook() {
        return new HibernateHook();
    }

    @Override
    public String fix(Association association, String fetchFrom, String fetchPath) {
        return FIXES.fix(association, fetchFrom, fetchPath);
    }

    private Association collection(Object collection) {
        String role = (String) PublicMethods.call(collection, "getRole");
        if (role == null) {
            return null;
        }
        JpaMapping mapping = mapping(collection);
        Association known = mapping == null ? null : mapping.collection(role);
        if (known == null) {
            for (JpaMapping other : knownMappings()) { // the session is gone: any factory that maps the role
                known = other.collection(role);
                if (known != null) {
                    break;
                }
            }
        }
        if (known != null) {
            return known;
        }
        // Without a readable mapping: the role alone, taking its last part for the property.
        int dot = role.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        return new Association(role.substring(0, dot), role.substring(dot + 1), Association.Kind.TO_MANY, null, java.util.Set.of(), List.of(), this);
    }

    private Association toOne(Object initializer, Object holder, String property) {
        Object persistentClass = PublicMethods.call(initializer, "getPersistentClass");
        if (!(persistentClass instanceof Class)) {
            return null;
        }
        Class<?> target = (Class<?>) persistentClass;
        JpaMapping mapping = mapping(initializer);
        if (mapping == null) {
            List<JpaMapping> known = knownMappings();
            mapping = known.size() == 1 ? known.get(0) : null;
        }
        if (mapping == null) {
            return new Association(null, null, Association.Kind.TO_ONE, target.getName(), JpaMapping.typeNames(target), List.of(), this);
        }
        return mapping.toOne(target, holder, property);
    }

    /** The mapping of the session factory behind a collection's or initializer's session; null when it has none now. */
    private JpaMapping mapping(Object sessionHolder) {
        Object session = PublicMethods.call(sessionHolder, "getSession");
        Object factory = PublicMethods.call(session, "getFactory");
        if (factory == null) {
            return null;
        }
        synchronized (mappings) {
            JpaMapping mapping = mappings.get(factory);
            if (mapping == null) {
                mapping = JpaMapping.of(factory, this);
                mappings.put(factory, mapping);
            }
            return mapping;
        }
    }

    private List<JpaMapping> knownMappings() {
        synchronized (mappings) {
            return new ArrayList<>(mappings.values());
        }
    }
}

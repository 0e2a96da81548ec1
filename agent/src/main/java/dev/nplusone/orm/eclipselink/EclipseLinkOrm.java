package dev.nplusone.orm.eclipselink;

import dev.nplusone.failure.Failures;
import dev.nplusone.hook.Hook;
import dev.nplusone.orm.Association;
import dev.nplusone.orm.JpaFixes;
import dev.nplusone.orm.Orm;
import dev.nplusone.orm.jpa.JpaMapping;
import dev.nplusone.reflect.PublicMethods;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * EclipseLink as an {@link Orm}. What {@link ValueHolderLoadAdvice} marks is a value holder, and
 * a value holder knows the mapping it loads: its owner's descriptor, its attribute, its kind. So
 * there is never a choice between candidate associations, as with a Hibernate proxy.
 *
 * <p>The kind is read from EclipseLink's mapping, by the rules its own JPA metamodel applies to that
 * mapping (a {@code @OneToMany} over a join table is a many-to-many inside, defined as a
 * one-to-many). The JPA metamodel itself hangs on the {@code EntityManagerFactory}, which nothing
 * public leads to from a session or a value holder. Through EclipseLink's public types
 * ({@code DatabaseMapping}, {@code ClassDescriptor}, {@code ReadQuery}) by reflection; asked only
 * when a statement repeats; never throws.
 */
public final class EclipseLinkOrm implements Orm {

    /** Loads a relationship for many owners at once, to-one and to-many alike. */
    static final String BATCH = "@BatchFetch(BatchFetchType.IN)";

    private static final JpaFixes FIXES = new JpaFixes(BATCH);

    private static final ClassValue<Boolean> HOLDERS = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return PublicMethods.isA(type, EclipseLinkHook.DATABASE_VALUE_HOLDER);
        }
    };

    /** By mapping: a descriptor's mappings live as long as its session. */
    private final Map<Object, Association> associations = new WeakHashMap<>();

    /** Weaving adds {@code _persistence_get_x()} and its kin to entities. */
    @Override
    public String generatedMethodPrefix() {
        return "_persistence_";
    }

    @Override
    public boolean isOwnClass(Class<?> type) {
        return type.getName().startsWith("org.eclipse.persistence.");
    }

    @Override
    public Hook hook() {
        return new EclipseLinkHook();
    }

    @Override
    public Association describe(Object lazyLoad, Object holder, String property) {
        if (lazyLoad == null || !HOLDERS.get(lazyLoad.getClass())) {
            return null;
        }
        try {
            Object mapping = mappingOf(lazyLoad);
            if (mapping == null) {
                return null;
            }
            synchronized (associations) {
                Association association = associations.get(mapping);
                if (association == null) {
                    association = association(mapping);
                    if (association != null) {
                        associations.put(mapping, association);
                    }
                }
                return association;
            }
        } catch (Throwable failure) {
            Failures.caught("reading an EclipseLink association", failure);
            return null;
        }
    }

    /**
     * Never: a lazy to-one of a woven entity is a value holder in a field of its own, not an object
     * that stands in for the entity, and a serializer never writes a value holder.
     */
    @Override
    public boolean isProxyOf(Object value, Object lazyLoad) {
        return false;
    }

    /**
     * {@link JpaFixes}' wording, with EclipseLink's batch reading; which, unlike Hibernate's
     * {@code @BatchSize} on a collection, serves a to-one too.
     */
    @Override
    public String fix(Association association, String fetchFrom, String fetchPath) {
        String fix = FIXES.fix(association, fetchFrom, fetchPath);
        if (association.owner() == null || association.kind().many()) {
            return fix;
        }
        return fix + "; or batch-read it with " + BATCH + " on " + JpaFixes.simpleName(association.owner()) + "." + association.property();
    }

    /**
     * The mapping a holder loads: a unit of work's holder keeps it; a query-based one (a shared
     * cache's, or one read outside a unit of work) knows it through its query until it has loaded,
     * which is when it is asked. Else, the holder it wraps.
     */
    private static Object mappingOf(Object holder) {
        for (int depth = 0; holder != null && depth < 3; depth++) {
            Object mapping = PublicMethods.call(holder, "getMapping");
            if (mapping == null) {
                mapping = PublicMethods.call(PublicMethods.call(holder, "getQuery"), "getSourceMapping");
            }
            if (mapping != null) {
                return mapping;
            }
            holder = PublicMethods.call(holder, "getWrappedValueHolder");
        }
        return null;
    }

    private Association association(Object mapping) {
        Object owner = PublicMethods.call(PublicMethods.call(mapping, "getDescriptor"), "getJavaClass");
        Object attribute = PublicMethods.call(mapping, "getAttributeName");
        if (!(owner instanceof Class) || !(attribute instanceof String)) {
            return null;
        }
        Object target = PublicMethods.call(mapping, "getReferenceClass");
        Class<?> targetType = target instanceof Class ? (Class<?>) target : null;
        return new Association(((Class<?>) owner).getName(), (String) attribute, kindOf(mapping),
                targetType == null ? null : targetType.getName(), targetType == null ? Set.of() : JpaMapping.typeNames(targetType),
                List.of(), this);
    }

    // In the order of EclipseLink's metamodel: a many-to-one mapping is a one-to-one mapping too.
    private static Association.Kind kindOf(Object mapping) {
        if (is(mapping, "isOneToManyMapping")) {
            return Association.Kind.ONE_TO_MANY;
        }
        if (is(mapping, "isManyToManyMapping")) {
            return is(mapping, "isDefinedAsOneToManyMapping") ? Association.Kind.ONE_TO_MANY : Association.Kind.MANY_TO_MANY;
        }
        if (is(mapping, "isManyToOneMapping")) {
            return Association.Kind.MANY_TO_ONE;
        }
        if (is(mapping, "isOneToOneMapping")) {
            return Association.Kind.ONE_TO_ONE;
        }
        if (is(mapping, "isDirectCollectionMapping") || is(mapping, "isAggregateCollectionMapping")) {
            return Association.Kind.ELEMENT_COLLECTION;
        }
        return is(mapping, "isCollectionMapping") ? Association.Kind.TO_MANY : Association.Kind.TO_ONE;
    }

    private static boolean is(Object mapping, String method) {
        return Boolean.TRUE.equals(PublicMethods.call(mapping, method));
    }

}

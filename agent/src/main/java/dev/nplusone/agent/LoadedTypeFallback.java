package dev.nplusone.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Describes types from their class files, as Byte Buddy does by default, and a type that has none
 * from its loaded class. Other agents define classes at run time that no class file holds: the
 * OpenTelemetry agent makes H2's and every driver's statements implement an interface it generates.
 * Without this, matching such a class against a hook's supertype (is it a {@code DataSource}?)
 * fails on that interface, and the class is skipped with an error.
 */
final class LoadedTypeFallback implements AgentBuilder.PoolStrategy {

    static final LoadedTypeFallback INSTANCE = new LoadedTypeFallback();

    private LoadedTypeFallback() {
    }

    @Override
    public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
        return new Pool(classFileLocator, classLoader);
    }

    @Override
    public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader, String name) {
        return typePool(classFileLocator, classLoader);
    }

    private static final class Pool extends TypePool.Default.WithLazyResolution {
        private final ClassLoader classLoader;

        Pool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
            super(new ResolvedOnly(), classFileLocator, TypePool.Default.ReaderMode.FAST);
            this.classLoader = classLoader;
        }

        @Override
        protected Resolution doResolve(String name) {
            Resolution fromClassFile = super.doResolve(name);
            if (fromClassFile.isResolved()) {
                return fromClassFile;
            }
            try {
                // Loaded already when it matters: a class's supertypes are, before it is defined.
                return new Resolution.Simple(TypeDescription.ForLoadedType.of(Class.forName(name, false, classLoader)));
            } catch (ClassNotFoundException | LinkageError notThere) {
                return fromClassFile;
            }
        }
    }

    /**
     * Keeps only what was found: a type missing from the class files, kept as missing, would be
     * given out as such from then on, past {@link Pool#doResolve}.
     */
    private static final class ResolvedOnly extends TypePool.CacheProvider.Simple {
        ResolvedOnly() {
            register(Object.class.getName(), new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(Object.class)));
        }

        @Override
        public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
            return resolution.isResolved() ? super.register(name, resolution) : resolution;
        }
    }
}

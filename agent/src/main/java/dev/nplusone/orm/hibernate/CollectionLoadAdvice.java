package dev.nplusone.orm.hibernate;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the methods of Hibernate's {@code AbstractPersistentCollection} that load a lazy
 * collection ({@code initialize}, {@code forceInitialization}, and the {@code read*} methods of
 * extra-lazy collections): while one loads, the collection is this thread's lazy load, so that the
 * statements it runs can be told apart by its role. On a collection already loaded, the advice costs
 * one field read.
 */
public final class CollectionLoadAdvice {

    private CollectionLoadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object collection, @Advice.FieldValue("initialized") boolean initialized) {
        return initialized ? Bridge.UNCHANGED : Bridge.lazyLoad(collection);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        if (previous != Bridge.UNCHANGED) {
            Bridge.lazyLoad(previous);
        }
    }
}

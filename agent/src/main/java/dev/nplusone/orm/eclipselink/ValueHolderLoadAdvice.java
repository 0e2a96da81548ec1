package dev.nplusone.orm.eclipselink;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into EclipseLink's {@code DatabaseValueHolder.getValue()}, where every lazy load of a
 * relationship happens: an indirect collection building its delegate, a woven entity's
 * {@code _persistence_get_x()} reading its to-one. While the value loads, the holder is this
 * thread's lazy load. A holder already instantiated costs one field read, the check its own
 * {@code getValue()} starts with.
 *
 * <p>A holder that loads inside another holder's load stays unmarked: a unit of work's holder
 * loads through the shared cache's holder it wraps, which forgets its query once loaded, while the
 * outer one keeps its mapping for as long as it lives, and so can still be named when the scope
 * closes. An eager relationship of the loaded rows belongs to the outer load too.
 */
public final class ValueHolderLoadAdvice {

    private ValueHolderLoadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object holder, @Advice.FieldValue("isInstantiated") boolean instantiated) {
        if (instantiated) {
            return Bridge.UNCHANGED;
        }
        Object previous = Bridge.lazyLoad(holder);
        if (previous != null && previous != Bridge.UNCHANGED
                && previous.getClass().getName().startsWith("org.eclipse.persistence.internal.indirection.")) {
            Bridge.lazyLoad(previous);
            return Bridge.UNCHANGED;
        }
        return previous;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        if (previous != Bridge.UNCHANGED) {
            Bridge.lazyLoad(previous);
        }
    }
}

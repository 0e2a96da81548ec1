package dev.nplusone.reflect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls public methods of application and library objects (Hibernate's, Jackson's) that the agent
 * cannot name at compile time: it is built without them, and they live in class loaders it does not
 * see. A method is looked up where it is declared public in a public type (a method of a public
 * interface, implemented by a class that is not public, can only be called that way) and cached.
 *
 * <p>Only for the rare moments when a statement repeats, never per statement.
 */
public final class PublicMethods {

    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ClassValue<ConcurrentHashMap<String, Method>> METHODS = new ClassValue<ConcurrentHashMap<String, Method>>() {
        @Override
        protected ConcurrentHashMap<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private PublicMethods() {
    }

    /** The public no-argument method of that name, or null when the object's type has none. */
    public static Method find(Class<?> type, String name) {
        Method method = METHODS.get(type).computeIfAbsent(name, n -> {
            Method found = lookUp(type, n);
            return found == null ? NONE : found;
        });
        return method == NONE ? null : method;
    }

    /** The first of these no-argument methods that the object has. */
    public static Method find(Class<?> type, String... names) {
        for (String name : names) {
            Method method = find(type, name);
            if (method != null) {
                return method;
            }
        }
        return null;
    }

    /**
     * Calls a no-argument method by name; null when the object is null or has no such method.
     *
     * @throws IllegalStateException when the method itself fails
     */
    public static Object call(Object target, String... names) {
        if (target == null) {
            return null;
        }
        Method method = find(target.getClass(), names);
        return method == null ? null : invoke(method, target);
    }

    public static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method + " failed", e.getCause());
        }
    }

    /** Whether the type or one of its supertypes is named so; for types the agent cannot load itself. */
    public static boolean isA(Class<?> type, String className) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            if (t.getName().equals(className) || implementsNamed(t, className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean implementsNamed(Class<?> type, String className) {
        for (Class<?> face : type.getInterfaces()) {
            if (face.getName().equals(className) || implementsNamed(face, className)) {
                return true;
            }
        }
        return false;
    }

    private static Method lookUp(Class<?> type, String name) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            Method method = declaredPublic(t, name);
            if (method != null) {
                return method;
            }
            Method inInterface = inInterfaces(t, name);
            if (inInterface != null) {
                return inInterface;
            }
        }
        return null;
    }

    private static Method inInterfaces(Class<?> type, String name) {
        for (Class<?> face : type.getInterfaces()) {
            Method method = declaredPublic(face, name);
            if (method == null) {
                method = inInterfaces(face, name);
            }
            if (method != null) {
                return method;
            }
        }
        return null;
    }

    private static Method declaredPublic(Class<?> type, String name) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return null;
        }
        try {
            Method method = type.getDeclaredMethod(name);
            return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException | SecurityException | NoClassDefFoundError absent) {
            return null;
        }
    }
}

package dev.nplusone.scope.serialization;

import dev.nplusone.reflect.PublicMethods;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where a Jackson generator is in the JSON it writes, as a path with every array index written
 * {@code [*]}: {@code $[*].attendees[*].organization}. Jackson 2 and 3 alike, read reflectively from
 * the generator's output contexts (the agent is built without Jackson).
 *
 * <p>Jackson writes a property's name only after its getter has returned, so while a getter runs a
 * query the generator still stands at the property before. The stack tells that case: the method
 * that Jackson's property writer is calling is the getter, and its property comes next in the path.
 */
public final class JsonPaths {

    private static final String[] JACKSON = {"com.fasterxml.jackson.databind.", "tools.jackson.databind."};
    private static final String[] REFLECTION = {"java.lang.reflect.", "jdk.internal.reflect.", "java.lang.invoke."};
    private static final int MAX_DEPTH = 256;
    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));
    private static final Function<Stream<StackFrame>, String> GETTER = JsonPaths::getterJacksonCalls;

    private JsonPaths() {
    }

    /**
     * A position in the JSON: its path, and the object and property that its last name stands for
     * (the bean whose property is written; null at the root or inside an array).
     */
    public static final class Position {
        private final String path;
        private final Object holder;
        private final String property;

        Position(String path, Object holder, String property) {
            this.path = path;
            this.holder = holder;
            this.property = property;
        }

        public String path() {
            return path;
        }

        public Object holder() {
            return holder;
        }

        public String property() {
            return property;
        }
    }

    /**
     * Where the generator is now.
     *
     * @param loadingItself whether an object being written is itself what is loading (a lazy to-one
     *                      proxy, whose getters load it): the path then ends at that object, not at
     *                      the property being written inside it
     * @return the position, or null when the generator's context cannot be read
     */
    public static Position locate(Object generator, Predicate<Object> loadingItself) {
        Object innermost = PublicMethods.call(generator, "streamWriteContext", "getOutputContext");
        if (innermost == null) {
            return null;
        }
        List<Object> contexts = new ArrayList<>(); // innermost first
        for (Object c = innermost; c != null && contexts.size() < MAX_DEPTH; c = PublicMethods.call(c, "getParent")) {
            contexts.add(c);
        }
        StringBuilder path = new StringBuilder("$");
        for (int i = contexts.size() - 1; i >= 1; i--) { // every context but the innermost names the step into its child
            step(path, contexts.get(i));
        }
        Object context = contexts.get(0);
        if (isTrue(context, "inArray")) {
            return new Position(path.toString(), null, null);
        }
        if (!isTrue(context, "inObject")) {
            return new Position(path.toString(), null, null); // the root value itself
        }
        Object bean = value(context);
        if (bean != null && loadingItself.test(bean)) {
            Object parent = contexts.size() > 1 ? contexts.get(1) : null;
            boolean inObject = parent != null && isTrue(parent, "inObject");
            return new Position(path.toString(), inObject ? value(parent) : null, inObject ? name(parent) : null);
        }
        String property = WALKER.walk(GETTER);
        if (property == null) {
            property = name(context);
        }
        if (property != null) {
            appendName(path, property);
        }
        return new Position(path.toString(), bean, property);
    }

    private static void step(StringBuilder path, Object context) {
        if (isTrue(context, "inArray")) {
            path.append("[*]");
        } else if (isTrue(context, "inObject")) {
            String name = name(context);
            if (name != null) {
                appendName(path, name);
            }
        }
    }

    private static void appendName(StringBuilder path, String name) {
        if (isIdentifier(name)) {
            path.append('.').append(name);
        } else {
            path.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
        }
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String name(Object context) {
        return (String) PublicMethods.call(context, "currentName", "getCurrentName");
    }

    private static Object value(Object context) {
        return PublicMethods.call(context, "currentValue", "getCurrentValue");
    }

    private static boolean isTrue(Object context, String method) {
        return Boolean.TRUE.equals(PublicMethods.call(context, method));
    }

    /**
     * The property whose getter Jackson's bean property writer is calling now, from the stack: the
     * frame just above the innermost Jackson frame, when that is a property writer calling a getter.
     * Null otherwise (Jackson iterating a collection, say, whose property name it has written).
     */
    private static String getterJacksonCalls(Stream<StackFrame> frames) {
        StackFrame callee = null;
        int depth = 0;
        for (Iterator<StackFrame> it = frames.iterator(); it.hasNext() && depth++ < 4 * MAX_DEPTH; ) {
            StackFrame frame = it.next();
            String type = frame.getClassName();
            if (startsWithAny(type, JACKSON)) {
                return callee != null && type.contains("PropertyWriter") ? beanProperty(callee) : null;
            }
            if (!startsWithAny(type, REFLECTION)) {
                callee = frame;
            }
        }
        return null;
    }

    /** {@code getName} and {@code isActive} name {@code name} and {@code active}; a record's accessor names itself. */
    static String beanProperty(StackFrame frame) {
        if (frame.getMethodType().parameterCount() != 0) {
            return null;
        }
        String method = frame.getMethodName();
        if (method.startsWith("get") && method.length() > 3) {
            return decapitalize(method.substring(3));
        }
        if (method.startsWith("is") && method.length() > 2) {
            return decapitalize(method.substring(2));
        }
        Class<?> superclass = frame.getDeclaringClass().getSuperclass();
        return superclass != null && superclass.getName().equals("java.lang.Record") ? method : null;
    }

    // As java.beans.Introspector does (URL stays URL), without depending on the java.desktop module.
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

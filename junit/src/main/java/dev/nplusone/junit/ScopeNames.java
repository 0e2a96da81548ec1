package dev.nplusone.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a test invocation's scope, exactly as the agent names it (its advice in JUnit
 * Jupiter's engine, docs/scopes.md): {@code <class>#<method>}, the class JUnit runs the test in
 * and the method, each followed by the number of the invocations along the unique id that belong
 * to it: {@code com.acme.PriceTest#rounds[2]}, {@code com.acme.TaxTest[2]#total}. Were the two
 * names different, the agent would open a second scope inside this extension's.
 */
final class ScopeNames {

    /** {@code [type:value]}; JUnit encodes the characters {@code []/:} inside values. */
    private static final Pattern SEGMENT = Pattern.compile("\\[[^:\\]]*:([^\\]]*)\\]");

    private ScopeNames() {
    }

    static String of(Class<?> testClass, Method method, String uniqueId) {
        List<String> values = new ArrayList<>();
        Matcher m = SEGMENT.matcher(uniqueId);
        while (m.find()) {
            values.add(m.group(1));
        }
        // The method's own segment: the last one that is not an invocation's number.
        int methodSegment = values.size() - 1;
        while (methodSegment > 0 && values.get(methodSegment).startsWith("#")) {
            methodSegment--;
        }
        StringBuilder className = new StringBuilder(testClass.getName());
        StringBuilder methodName = new StringBuilder(method.getName());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (i != methodSegment && value.startsWith("#")) {
                (i < methodSegment ? className : methodName).append('[').append(value, 1, value.length()).append(']');
            }
        }
        return className.append('#').append(methodName).toString();
    }
}

package dev.nplusone.hook;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Type matchers that several hooks share. */
public final class Matchers {

    private Matchers() {
    }

    /** Concrete classes that declare the method themselves and implement the interface. */
    public static ElementMatcher.Junction<TypeDescription> implementing(String interfaceName, String method) {
        return not(isInterface()).and(declaresMethod(named(method))).and(hasSuperType(named(interfaceName)));
    }
}

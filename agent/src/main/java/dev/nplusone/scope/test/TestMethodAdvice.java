package dev.nplusone.scope.test;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into test methods (JUnit 5, JUnit 4 and TestNG annotations): each invocation is a scope
 * of kind {@code test}. Requests served in the same thread (MockMvc, a server called in-process)
 * nest inside it.
 *
 * <p>The scope is named after the class that ran the test, as JUnit reports it: a method declared
 * in an abstract class and run by two subclasses is two scopes,
 * {@code com.acme.JpaOwnerTest#findsOwners} and {@code com.acme.JdbcOwnerTest#findsOwners}. Under
 * JUnit Jupiter, {@link JupiterAdvice} has already named the invocation, with its index
 * ({@code com.acme.PriceTest#rounds[2]}); other engines give the method nothing more than the
 * instance, so a JUnit 4 parameterized test is one scope name with an instance per invocation. A
 * test method that another Jupiter test calls opens no scope: its statements are the caller's.
 */
public final class TestMethodAdvice {

    private TestMethodAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This(optional = true) Object test, @Advice.Origin("#t") String declaringType,
                               @Advice.Origin("#m") String method) {
        String running = Bridge.runningTest();
        if (running == null) {
            return Bridge.openScope("test", (test != null ? test.getClass().getName() : declaringType) + "#" + method);
        }
        int hash = running.lastIndexOf('#');
        int end = hash + 1 + method.length();
        // The engine's name, when it is this method's: "Class#method" or "Class#method[2]". Otherwise a
        // test method called by another test (or by a dynamic test): it is part of that test's scope.
        boolean ours = hash >= 0 && running.startsWith(method, hash + 1) && (end == running.length() || running.charAt(end) == '[');
        return ours ? Bridge.openScope("test", running) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
        Bridge.closeScope(scope, null);
    }
}

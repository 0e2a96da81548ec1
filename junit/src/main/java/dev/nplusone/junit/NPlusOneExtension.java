package dev.nplusone.junit;

import dev.nplusone.api.NPlusOne;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.Method;

/**
 * Runs each test method invocation in an nplusone scope of kind {@code test}, named
 * {@code com.acme.OrderTest#listsOrders} ({@code com.acme.OrderTest#totals[2]} for the second
 * invocation of a parameterized test, see {@link ScopeNames}), and fails the test when it breaks
 * its {@link QueryBudget}.
 *
 * <p>Registered by {@link QueryBudget}, or with {@code @ExtendWith(NPlusOneExtension.class)} for
 * the default budget: no limit on statements, N+1 queries fail, duplicates do not. Uses the agent
 * attached to the test JVM, and attaches one when there is none (see {@link AgentAttachment}).
 */
public final class NPlusOneExtension implements BeforeAllCallback, BeforeEachCallback, InvocationInterceptor {

    @Override
    public void beforeAll(ExtensionContext context) {
        AgentAttachment.require(); // before @BeforeAll methods, so that connections they open are watched
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AgentAttachment.require(); // registered on a method alone, the extension is not called before all
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        runInScope(invocation, call.getExecutable(), context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        runInScope(invocation, call.getExecutable(), context);
    }

    private static void runInScope(Invocation<Void> invocation, Method method, ExtensionContext context) throws Throwable {
        Budget budget = Budget.of(method, context.getRequiredTestClass());
        // Named as the agent names the invocation, so that the agent opens no second scope inside this one.
        NPlusOne.Scope scope = NPlusOne.testScope(ScopeNames.of(context.getRequiredTestClass(), method, context.getUniqueId()));
        try {
            invocation.proceed();
        } catch (Throwable testFailure) {
            scope.close();
            String breach = budget.breach(scope.result());
            if (breach != null) {
                testFailure.addSuppressed(new AssertionFailedError(breach));
            }
            throw testFailure; // the test's own failure says most about it
        }
        scope.close();
        String breach = budget.breach(scope.result());
        if (breach != null) {
            throw new AssertionFailedError(breach);
        }
    }
}

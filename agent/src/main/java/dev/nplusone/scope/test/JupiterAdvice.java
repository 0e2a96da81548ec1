package dev.nplusone.scope.test;

import dev.nplusone.bridge.Bridge;
import net.bytebuddy.asm.Advice;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;

import java.util.List;

/**
 * Inlined into JUnit Jupiter's run of one test invocation, where the engine knows what the test
 * method does not: the class it runs in and the invocation's place in its unique id.
 * <ul>
 * <li>{@code TestMethodTestDescriptor.invokeTestMethod} (a {@code @Test} method, and each
 * invocation of a parameterized, repeated or other template test) names the invocation for
 * {@link TestMethodAdvice}, which opens the scope inside the method, as it did without this;</li>
 * <li>{@code DynamicTestTestDescriptor.execute} (a dynamic test of a {@code @TestFactory}) has no
 * method of its own, so it opens the scope itself.</li>
 * </ul>
 *
 * <p>The name is {@code <class>#<method>}: the class JUnit ran the test in (a subclass, for a
 * method declared in an abstract class or an interface; {@code Outer$Inner} for a {@code @Nested}
 * class) and the method that declares the test, followed by the number of each invocation along
 * the unique id: {@code com.acme.PriceTest#rounds[2]} for the second invocation of a parameterized
 * test, {@code com.acme.CatalogTest#pages[3][1]} for the first dynamic test of the third dynamic
 * container, {@code com.acme.TaxTest[2]#total} in the second invocation of a parameterized class.
 * Numbers, not display names: those hold the arguments (values a report must not show unless asked,
 * and object identities that change from run to run, which would make every run's scope new to a
 * baseline).
 */
public final class JupiterAdvice {

    private JupiterAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object[] enter(@Advice.This Object descriptor, @Advice.Origin("#m") String hooked) {
        TestDescriptor invocation = (TestDescriptor) descriptor;
        // The descriptor of the method: the nearest one, this one included, that is not numbered.
        TestDescriptor method = invocation;
        while (method.getParent().isPresent()) {
            List<UniqueId.Segment> own = method.getUniqueId().getSegments();
            if (!own.get(own.size() - 1).getValue().startsWith("#")) {
                break;
            }
            method = method.getParent().get();
        }
        Object source = method.getSource().orElse(null);
        if (!(source instanceof MethodSource)) {
            return null;
        }
        int methodSegment = method.getUniqueId().getSegments().size() - 1;
        StringBuilder className = new StringBuilder(((MethodSource) source).getClassName());
        StringBuilder methodName = new StringBuilder(((MethodSource) source).getMethodName());
        List<UniqueId.Segment> segments = invocation.getUniqueId().getSegments();
        for (int i = 0; i < segments.size(); i++) {
            String value = segments.get(i).getValue();
            if (i != methodSegment && value.startsWith("#")) {
                (i < methodSegment ? className : methodName).append('[').append(value, 1, value.length()).append(']');
            }
        }
        String name = className.append('#').append(methodName).toString();
        String before = Bridge.runningTest(name);
        return new Object[] {before, "execute".equals(hooked) ? Bridge.openScope("test", name) : null};
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object[] entered) {
        if (entered != null) {
            Bridge.closeScope(entered[1], null);
            Bridge.runningTest((String) entered[0]);
        }
    }
}

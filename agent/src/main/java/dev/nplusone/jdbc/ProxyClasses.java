package dev.nplusone.jdbc;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * The concrete wrapper classes, generated once per JVM with Byte Buddy: each extends one of the
 * hand-written wrappers ({@link ConnectionProxy}, {@link StatementProxy}, {@link PreparedStatementProxy},
 * {@link CallableStatementProxy}) and forwards every method that the wrapper does not write itself
 * to the driver's object, with a plain interface call: no reflection, no {@code java.lang.reflect.Proxy}.
 * A prepared statement's parameter setters also tell the wrapper what was bound.
 *
 * <p>The classes are defined beside the wrappers, in the agent's own class loader: they refer only
 * to {@code java.sql} (which every loader sees through the platform loader) and to the agent's
 * classes, so they serve connections made in any class loader. The generated names contain
 * {@code $$}, which {@link dev.nplusone.reflect.GeneratedClasses} reads as generated code: their frames
 * are never taken for the application's.
 */
final class ProxyClasses {

    // Each class is generated when first needed (a holder class's initialization): generating costs
    // tens of milliseconds, and an application that never prepares a call need not pay for it.
    private static final class Connections {
        static final MethodHandle CONNECTION = constructor(ConnectionProxy.class, "target",
                Connection.class, StatementListener.class);
    }

    private static final class Statements {
        static final MethodHandle STATEMENT = constructor(StatementProxy.class, "target",
                Statement.class, ConnectionProxy.class);
    }

    private static final class Prepared {
        static final MethodHandle PREPARED = constructor(PreparedStatementProxy.class, "prepared",
                PreparedStatement.class, ConnectionProxy.class, String.class);
    }

    private static final class Callable {
        static final MethodHandle CALLABLE = constructor(CallableStatementProxy.class, "callable",
                CallableStatement.class, ConnectionProxy.class, String.class);
    }

    private ProxyClasses() {
    }

    static ConnectionProxy connection(Connection target, StatementListener listener) {
        try {
            return (ConnectionProxy) Connections.CONNECTION.invokeExact(target, listener);
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static Statement statement(Statement target, ConnectionProxy connection) {
        if (target == null) {
            return null;
        }
        try {
            return (StatementProxy) Statements.STATEMENT.invokeExact(target, connection);
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static PreparedStatement prepared(PreparedStatement target, ConnectionProxy connection, String sql) {
        if (target == null) {
            return null;
        }
        try {
            return (PreparedStatementProxy) Prepared.PREPARED.invokeExact(target, connection, sql);
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static CallableStatement callable(CallableStatement target, ConnectionProxy connection, String sql) {
        if (target == null) {
            return null;
        }
        try {
            return (CallableStatementProxy) Callable.CALLABLE.invokeExact(target, connection, sql);
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Generates the concrete subclass of {@code wrapper} and returns its constructor, typed as
     * {@code (parameters) -> wrapper}.
     *
     * @param field the wrapper's field holding the driver's object, typed with the JDBC interface
     */
    private static MethodHandle constructor(Class<?> wrapper, String field, Class<?>... parameters) {
        ElementMatcher.Junction<MethodDescription> parameterSetter = nameStartsWith("set").and(not(takesArguments(0)))
                .and(not(takesArguments(1))).and(isDeclaredBy(PreparedStatement.class).or(isDeclaredBy(CallableStatement.class)));
        MethodCall forward = MethodCall.invokeSelf().onField(field).withAllArguments();
        var builder = new ByteBuddy()
                .subclass(wrapper, ConstructorStrategy.Default.IMITATE_SUPER_CLASS)
                .name(wrapper.getName() + "$$Forwarding")
                // Left out of what the wrapper writes: abstract here, or a default of a later JDBC version
                // that the driver may implement.
                .method(isAbstract().or(isDefaultMethod())).intercept(forward);
        if (PreparedStatementProxy.class.isAssignableFrom(wrapper)) {
            builder = builder.method(parameterSetter).intercept(forward.andThen(
                    MethodCall.invoke(bound()).withArgument(0, 1).withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC)));
        }
        try {
            Class<?> type = builder.make()
                    .load(wrapper.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(MethodHandles.lookup()))
                    .getLoaded();
            MethodType signature = MethodType.methodType(void.class, parameters);
            return MethodHandles.lookup().findConstructor(type, signature).asType(signature.changeReturnType(wrapper));
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException("generating the subclass of " + wrapper.getName(), impossible);
        }
    }

    private static java.lang.reflect.Method bound() {
        try {
            return PreparedStatementProxy.class.getMethod("bound", Object.class, Object.class);
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

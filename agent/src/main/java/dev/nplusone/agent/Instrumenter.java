package dev.nplusone.agent;

import dev.nplusone.jdbc.ConnectionAdvice;
import dev.nplusone.orm.CollectionLoadAdvice;
import dev.nplusone.orm.ProxyLoadAdvice;
import dev.nplusone.scope.http.JakartaServletAdvice;
import dev.nplusone.scope.http.JavaxServletAdvice;
import dev.nplusone.scope.http.JdkHttpServerAdvice;
import dev.nplusone.scope.serialization.GeneratorAdvice;
import dev.nplusone.scope.serialization.ValueFirstAdvice;
import dev.nplusone.scope.serialization.ValueSecondAdvice;
import dev.nplusone.scope.test.JupiterAdvice;
import dev.nplusone.scope.test.TestMethodAdvice;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Installs the agent's hooks with Byte Buddy. Each hook is advice inlined into the application's
 * own classes: JDBC data sources and drivers, servlet filters and servlets (jakarta and javax), the
 * JDK HTTP server's filter chain, Jackson 2 and 3 writers, test methods, and Hibernate's lazy loads.
 *
 * <p>Classes loaded before the agent (an attach, or a driver loaded early) are retransformed.
 * Advice adds no fields or methods, so retransformation is allowed, and {@link
 * ResettableClassFileTransformer#reset} can take it all out again.
 */
final class Instrumenter {

    static final String JDK_HTTP_CHAIN = "com.sun.net.httpserver.Filter$Chain";

    /** Where Hibernate loads a lazy collection: 6 and 7, then 5. */
    static final String[] HIBERNATE_COLLECTIONS = {
        "org.hibernate.collection.spi.AbstractPersistentCollection", "org.hibernate.collection.internal.AbstractPersistentCollection",
    };
    /** The methods of those that load it; each returns at once when it is loaded. */
    static final String[] COLLECTION_LOADS = {
        "initialize", "forceInitialization", "readSize", "readIndexExistence", "readElementExistence", "readElementByIndex",
    };
    /** Where a Hibernate to-one proxy loads its entity. */
    static final String HIBERNATE_PROXY_INITIALIZER = "org.hibernate.proxy.AbstractLazyInitializer";
    /** What serializes a value in Jackson 2 and in Jackson 3. */
    static final String[] JACKSON_SERIALIZERS = {
        "com.fasterxml.jackson.databind.ser.DefaultSerializerProvider", "tools.jackson.databind.ser.SerializationContextExt",
    };

    /** What marks a test method, in the frameworks whose tests become scopes. */
    static final String[] TEST_ANNOTATIONS = {
        "org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.params.ParameterizedTest",
        "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate", "org.junit.Test", "org.testng.annotations.Test",
    };

    /** Where JUnit Jupiter (5.x and 6.x) keeps the descriptors that run one test invocation. */
    static final String JUPITER_DESCRIPTORS = "org.junit.jupiter.engine.descriptor.";

    private Instrumenter() {
    }

    static ResettableClassFileTransformer install(Instrumentation inst, ClassLoader agentLoader) {
        // Advice needs no nexus (a helper Byte Buddy injects into the system class loader for
        // generated types); without this, merely building an AgentBuilder reaches for
        // sun.misc.Unsafe, which JDK 24+ reports with a warning. The name is relocated, so ours alone.
        System.setProperty(Nexus.PROPERTY, "true");
        AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(RedefinitionStrategy.RETRANSFORMATION)
                .with(new RetransformationFailures())
                // Classes already loaded are described by reflection, classes being loaded from their
                // bytes. Describing loaded classes from their class files instead (POOL_FIRST) read and
                // parsed hundreds of JDK class files at every start: +270 ms on a trivial main.
                .with(AgentBuilder.DescriptionStrategy.Default.HYBRID)
                .with(new InstrumentationFailures())
                // The agent's own classes and the libraries it bundles first: a check of the loader
                // alone, where the name and modifier checks below would read each class file.
                .ignore(any(), is(agentLoader))
                .or(ignored())

                // JDBC: every connection handed out by a DataSource or made by a Driver
                .type(implementing("javax.sql.DataSource", "getConnection"))
                .transform(advice.advice(getConnection(), ConnectionAdvice.class.getName()))
                .type(implementing("java.sql.Driver", "connect"))
                .transform(advice.advice(connect(), ConnectionAdvice.class.getName()))

                // HTTP requests: servlet filters and servlets, both namespaces; the JDK server
                .type(implementing("jakarta.servlet.Filter", "doFilter"))
                .transform(advice.advice(doFilter("jakarta.servlet"), JakartaServletAdvice.class.getName()))
                .type(implementing("jakarta.servlet.Servlet", "service"))
                .transform(advice.advice(service("jakarta.servlet"), JakartaServletAdvice.class.getName()))
                .type(implementing("javax.servlet.Filter", "doFilter"))
                .transform(advice.advice(doFilter("javax.servlet"), JavaxServletAdvice.class.getName()))
                .type(implementing("javax.servlet.Servlet", "service"))
                .transform(advice.advice(service("javax.servlet"), JavaxServletAdvice.class.getName()))
                .type(named(JDK_HTTP_CHAIN))
                .transform(advice.advice(named("doFilter").and(takesArguments(1)), JdkHttpServerAdvice.class.getName()))

                // Serialization: Jackson 2 and Jackson 3 mappers and writers
                .type(namedOneOf("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.ObjectWriter",
                        "tools.jackson.databind.ObjectMapper", "tools.jackson.databind.ObjectWriter"))
                .transform(advice
                        .advice(namedOneOf("writeValueAsString", "writeValueAsBytes").and(takesArguments(1)), ValueFirstAdvice.class.getName())
                        .advice(named("writeValue").and(takesArguments(2)), ValueSecondAdvice.class.getName()))
                .type(namedOneOf(JACKSON_SERIALIZERS))
                .transform(advice.advice(namedOneOf("serializeValue", "serializePolymorphic").and(not(isAbstract()))
                        .and(takesArgument(0, nameEndsWith(".core.JsonGenerator"))), GeneratorAdvice.class.getName()))

                // ORM lazy loads: Hibernate's collections and to-one proxies (the field guards the advice)
                .type(namedOneOf(HIBERNATE_COLLECTIONS).and(declaresField(named("initialized"))))
                .transform(advice.advice(namedOneOf(COLLECTION_LOADS).and(not(isAbstract())).and(not(isStatic())),
                        CollectionLoadAdvice.class.getName()))
                .type(named(HIBERNATE_PROXY_INITIALIZER).and(declaresField(named("initialized"))))
                .transform(advice.advice(named("initialize").and(takesArguments(0)), ProxyLoadAdvice.class.getName()))

                // Tests: every test method of JUnit 5, JUnit 4 and TestNG (interfaces too: JUnit 5 runs their
                // default methods); JUnit Jupiter names each invocation, and runs dynamic tests, in its descriptors
                .type(declaresMethod(isAnnotatedWith(namedOneOf(TEST_ANNOTATIONS))))
                .transform(advice.advice(isAnnotatedWith(namedOneOf(TEST_ANNOTATIONS)).and(not(isAbstract())),
                        TestMethodAdvice.class.getName()))
                .type(named(JUPITER_DESCRIPTORS + "TestMethodTestDescriptor"))
                .transform(advice.advice(named("invokeTestMethod").and(takesArguments(2)), JupiterAdvice.class.getName()))
                .type(named(JUPITER_DESCRIPTORS + "DynamicTestTestDescriptor"))
                .transform(advice.advice(named("execute").and(takesArguments(2))
                        .and(takesArgument(0, named("org.junit.jupiter.engine.execution.JupiterEngineExecutionContext"))),
                        JupiterAdvice.class.getName()))
                .installOn(inst);
    }

    /** The JDK (but for its HTTP server's chain), the agent itself, and generated classes. */
    private static ElementMatcher.Junction<TypeDescription> ignored() {
        return nameStartsWith("java.")
                .or(nameStartsWith("jdk."))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun.").and(not(named(JDK_HTTP_CHAIN))))
                .or(nameStartsWith("dev.nplusone.boot.").or(nameStartsWith("dev.nplusone.bridge.")))
                .or(isSynthetic());
    }

    /** Concrete classes that declare the method themselves and implement the interface. */
    private static ElementMatcher.Junction<TypeDescription> implementing(String interfaceName, String method) {
        return not(isInterface()).and(declaresMethod(named(method))).and(hasSuperType(named(interfaceName)));
    }

    private static ElementMatcher.Junction<MethodDescription> getConnection() {
        return named("getConnection").and(not(isAbstract()))
                .and(takesArguments(0).or(takesArguments(String.class, String.class)))
                .and(returns(named("java.sql.Connection")));
    }

    private static ElementMatcher.Junction<MethodDescription> connect() {
        return named("connect").and(not(isAbstract()))
                .and(takesArguments(2)).and(takesArgument(0, String.class))
                .and(returns(named("java.sql.Connection")));
    }

    private static ElementMatcher.Junction<MethodDescription> doFilter(String namespace) {
        return named("doFilter").and(not(isAbstract())).and(takesArguments(3))
                .and(takesArgument(0, named(namespace + ".ServletRequest")));
    }

    private static ElementMatcher.Junction<MethodDescription> service(String namespace) {
        return named("service").and(not(isAbstract())).and(takesArguments(2))
                .and(takesArgument(0, named(namespace + ".ServletRequest")));
    }

    /** Failures to transform one class: logged once, the class stays as it was. */
    private static final class InstrumentationFailures extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            Failures.caught("instrumenting " + typeName, throwable);
        }
    }

    /** Failures to retransform classes loaded before the agent: logged once, those classes stay as they were. */
    private static final class RetransformationFailures extends RedefinitionStrategy.Listener.Adapter {
        @Override
        public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable throwable, List<Class<?>> types) {
            Failures.caught("retransforming " + batch, throwable);
            return Collections.emptyList();
        }
    }
}

package dev.nplusone.detect;

import dev.nplusone.reflect.GeneratedClasses;

import java.util.List;

/**
 * Decides which stack frames are the application's own.
 *
 * <p>An N+1 is reported at the application code that caused it (the getter, mapper or loop), not
 * inside the ORM or the driver. What is the application is decided by where a class came from, not
 * by its name: the application's package is nobody's business but its owner's, and Spring's own
 * sample applications live under {@code org.springframework}. In order:
 *
 * <ol>
 *   <li>never shown (plumbing): the JDK's loaders, the agent's loader and its API and JUnit
 *       libraries, generated classes (proxies, CGLIB subclasses, lambdas);</li>
 *   <li>the packages the user named, when any were ({@code packages=}): preferred;</li>
 *   <li>the class's code source ({@link ClassOrigins}): the application's build output, or a library;</li>
 *   <li>where the code source cannot tell (one jar holding the application and its libraries): the
 *       main class's package and below ({@link EntryPoint});</li>
 *   <li>last, a list of well-known framework and library packages.</li>
 * </ol>
 *
 * <p>The decision is made once per class ({@link ClassValue}), because it is asked for every frame
 * of every stack walk; the code source's once per location.
 */
public final class FrameFilter {

    /** What a frame is, from least to most interesting. */
    public enum Kind {
        /** Never shown: the JDK, the agent itself, reflection, generated proxies. */
        PLUMBING,
        /** Libraries and frameworks: shown only when no application frame exists. */
        INFRASTRUCTURE,
        /** The application's own code. */
        APPLICATION,
        /** In one of the packages the user named. */
        PREFERRED
    }

    // Our own libraries, called from the application: never where its N+1 is.
    private static final String[] OURS = {"dev.nplusone.bridge.", "dev.nplusone.api.", "dev.nplusone.junit."};

    // The JDK's packages, wherever a class of them was loaded from.
    private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    // The last resort, for classes whose code source cannot tell (see the class comment). Generous
    // on purpose: a frame wrongly kept points at a framework; one wrongly dropped falls back to the next.
    private static final String[] INFRASTRUCTURE = {
        // persistence: ORMs, mappers, query builders
        "org.hibernate.", "org.eclipse.persistence.", "org.apache.openjpa.", "org.jooq.", "org.mybatis.",
        "org.apache.ibatis.", "org.jdbi.", "org.sql2o.", "io.ebean.", "org.springframework.",
        // pools and drivers
        "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.tomcat.", "com.mchange.", "io.agroal.",
        "org.vibur.", "org.h2.", "org.hsqldb.", "org.apache.derby.", "org.postgresql.", "com.mysql.", "org.mariadb.",
        "oracle.", "com.microsoft.sqlserver.", "com.ibm.db2.", "org.sqlite.", "org.duckdb.", "net.sourceforge.jtds.",
        "com.p6spy.", "net.ttddyy.", "net.sf.log4jdbc.",
        // serialization and templates
        "com.fasterxml.jackson.", "tools.jackson.", "com.google.gson.", "org.thymeleaf.", "freemarker.",
        "org.apache.velocity.", "com.github.mustachejava.", "org.mapstruct.", "org.modelmapper.",
        // servers and web frameworks
        "org.apache.catalina.", "org.apache.coyote.", "org.eclipse.jetty.", "io.undertow.", "org.glassfish.",
        "org.jboss.", "io.netty.", "reactor.", "io.micronaut.", "io.quarkus.", "io.vertx.", "io.javalin.",
        "jakarta.", "org.apache.cxf.", "com.sun.jersey.",
        // runtime helpers: proxies, AOP, instrumentation, languages, test runners
        "net.bytebuddy.", "org.aspectj.", "org.objenesis.", "io.micrometer.", "io.opentelemetry.", "brave.",
        "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.", "com.google.common.", "org.apache.commons.",
        "org.junit.", "junit.", "org.testng.", "org.apache.maven.", "org.gradle.", "org.mockito.", "org.assertj.",
        "ch.qos.logback.", "org.slf4j.", "org.apache.logging.",
    };

    private final String[] preferred;
    private final String[] generatedMethods;
    private final ClassLoader agentLoader;
    private final EntryPoint entry;
    private final ClassOrigins origins;
    private final ClassValue<Kind> kinds = new ClassValue<Kind>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return classify(type);
        }
    };

    /**
     * @param packages    the user's application packages, each ending with a dot; may be empty
     * @param agentLoader the agent's own class loader: its classes are never the application's
     */
    public FrameFilter(List<String> packages, ClassLoader agentLoader) {
        this(packages, agentLoader, List.of());
    }

    /**
     * @param generatedMethods prefixes of the methods that ORMs add to the application's entities
     *                         ({@link dev.nplusone.orm.Orm#generatedMethodPrefix()}): their frames are the ORM's
     */
    public FrameFilter(List<String> packages, ClassLoader agentLoader, List<String> generatedMethods) {
        this(packages, agentLoader, generatedMethods, EntryPoint.ofThisJvm());
    }

    FrameFilter(List<String> packages, ClassLoader agentLoader, List<String> generatedMethods, EntryPoint entry) {
        this.generatedMethods = generatedMethods.toArray(new String[0]);
        this.preferred = packages.toArray(new String[0]);
        this.agentLoader = agentLoader;
        this.entry = entry;
        this.origins = new ClassOrigins(entry);
    }

    public boolean hasPreferredPackages() {
        return preferred.length > 0;
    }

    public Kind kind(StackWalker.StackFrame frame) {
        Kind kind = kinds.get(frame.getDeclaringClass());
        // The method name costs as much to resolve as the rest of the frame: ask only where it matters.
        return kind.compareTo(Kind.APPLICATION) >= 0 ? byMethod(kind, frame.getMethodName()) : kind;
    }

    Kind kind(Class<?> type, String methodName) {
        Kind kind = kinds.get(type);
        return kind.compareTo(Kind.APPLICATION) >= 0 ? byMethod(kind, methodName) : kind;
    }

    // ORMs add methods to entities (Hibernate's enhancement $$_hibernate_read_x(), EclipseLink's weaving
    // _persistence_get_x()): in the application's class, but the ORM's code, without a line of their own.
    private Kind byMethod(Kind kind, String methodName) {
        return startsWithAny(methodName, generatedMethods) ? Kind.INFRASTRUCTURE : kind;
    }

    Kind classify(Class<?> type) {
        String name = type.getName();
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || loader == agentLoader
                || startsWithAny(name, OURS) || GeneratedClasses.isGenerated(type)) {
            return Kind.PLUMBING;
        }
        if (startsWithAny(name, preferred)) {
            return Kind.PREFERRED;
        }
        ClassOrigins.Origin origin = origins.of(type);
        if (origin == ClassOrigins.Origin.APPLICATION) {
            return Kind.APPLICATION;
        }
        if (startsWithAny(name, JDK)) {
            return Kind.PLUMBING;
        }
        if (origin == ClassOrigins.Origin.LIBRARY) {
            return Kind.INFRASTRUCTURE;
        }
        if (entry.isApplicationPackage(name)) {
            return Kind.APPLICATION;
        }
        return startsWithAny(name, INFRASTRUCTURE) ? Kind.INFRASTRUCTURE : Kind.APPLICATION;
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

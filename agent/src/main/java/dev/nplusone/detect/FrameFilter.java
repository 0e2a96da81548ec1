package dev.nplusone.detect;

import java.util.List;

/**
 * Decides which stack frames are the application's own.
 *
 * <p>An N+1 is reported at the application code that caused it (the getter, mapper or loop), not
 * inside the ORM or the driver. Frames of the JDK, the agent, datasource-proxy, JDBC drivers,
 * pools, ORMs, Spring, Jackson, servlet containers and generated proxies are infrastructure. When
 * the user names the application's packages, frames there are preferred over any other.
 *
 * <p>The decision is made once per class ({@link ClassValue}), because it is asked for every frame
 * of every stack walk.
 */
public final class FrameFilter {

    /** What a frame is, from least to most interesting. */
    public enum Kind {
        /** Never shown: the JDK, the agent itself, reflection, generated proxies. */
        PLUMBING,
        /** Libraries and frameworks: shown only when no application frame exists. */
        INFRASTRUCTURE,
        /** Anything else: the application. */
        APPLICATION,
        /** In one of the packages the user named. */
        PREFERRED
    }

    // Prefixes of class names that are never the application. Generous on purpose: a frame
    // wrongly kept points at a framework; a frame wrongly dropped only falls back to the next one.
    private static final String[] PLUMBING = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.nplusone.bridge.", "dev.nplusone.api.", "dev.nplusone.junit.",
    };

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
    private final ClassLoader agentLoader;
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
        this.preferred = packages.toArray(new String[0]);
        this.agentLoader = agentLoader;
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

    // Hibernate's bytecode enhancement adds $$_hibernate_read_x() to entities.
    private static Kind byMethod(Kind kind, String methodName) {
        return methodName.startsWith("$$_") ? Kind.INFRASTRUCTURE : kind;
    }

    Kind classify(Class<?> type) {
        String name = type.getName();
        if (type.getClassLoader() == agentLoader && agentLoader != null || startsWithAny(name, PLUMBING) || isGenerated(type, name)) {
            return Kind.PLUMBING;
        }
        if (startsWithAny(name, preferred)) {
            return Kind.PREFERRED;
        }
        return startsWithAny(name, INFRASTRUCTURE) ? Kind.INFRASTRUCTURE : Kind.APPLICATION;
    }

    // Spring's CGLIB subclasses ($$SpringCGLIB$$), Hibernate and Byte Buddy proxies, JDK proxies.
    private static boolean isGenerated(Class<?> type, String name) {
        return type.isSynthetic() || name.contains("$$") || name.contains("$HibernateProxy")
                || name.contains("$ByteBuddy$") || name.startsWith("com.sun.proxy.") || name.contains(".$Proxy");
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

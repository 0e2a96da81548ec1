package dev.nplusone.it.apps;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * An application with its own slf4j, logback and Byte Buddy, older than the agent's, and its own
 * {@code logback.xml}. It logs which jars it got them from, makes a class with its Byte Buddy,
 * then runs {@link Workload} (an N+1) in a manual scope, logging as it goes.
 */
public final class ForeignLibrariesApp {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignLibrariesApp.class);

    public static void main(String[] args) throws Exception {
        LOG.info("libraries: slf4j {}, logback {}, byte-buddy {}, logger factory {}", jarOf(LoggerFactory.class),
                jarOf(Class.forName("ch.qos.logback.classic.LoggerContext")), jarOf(ByteBuddy.class),
                LoggerFactory.getILoggerFactory().getClass().getName());

        Class<?> made = new ByteBuddy()
                .subclass(Object.class)
                .name("dev.nplusone.it.apps.MadeByTheApplication")
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the application's Byte Buddy"))
                .make()
                .load(ForeignLibrariesApp.class.getClassLoader())
                .getLoaded();
        LOG.info("generated: {}", made.getDeclaredConstructor().newInstance());

        String url = "jdbc:h2:mem:foreign;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url)) {
            Workload.setUp(c);
        }
        try (ManualScope scope = ManualScope.open(JdbcApp.SCOPE); Connection c = DriverManager.getConnection(url)) {
            LOG.info("running the workload");
            Workload.run(c);
        }
        LOG.info("done");
    }

    private static String jarOf(Class<?> type) {
        String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}

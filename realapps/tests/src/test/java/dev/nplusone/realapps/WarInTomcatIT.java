package dev.nplusone.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.realapps.AgentReport.Expected;
import dev.nplusone.realapps.AgentReport.Finding;
import dev.nplusone.testkit.BuildProperties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bookshop war (realapps/war-app, package org.apache.samples.bookshop, the prefix of Tomcat's
 * own classes) deployed into Tomcat 11: its classes come from WEB-INF/classes, its pool and driver
 * from WEB-INF/lib, Tomcat from the local Maven repository.
 */
class WarInTomcatIT {

    static final String PACKAGE = "org.apache.samples.bookshop";
    // data.sql: six reviews, each by a different reader.
    static final Expected READERS = new Expected("GET /bookshop/reviews", "n_plus_one",
            frame("data.ReaderDao", "find", "// N+1: the reader of each review"), 6);
    static final String LOOP = frame("web.ReviewsServlet", "doGet", "// each review's reader");

    /** Tomcat's default: the war expanded into the host's directory, classes read from files. */
    @Test
    void expandedWar() {
        assertReadersNPlusOne(deployAndRequest("war-expanded", true));
    }

    /** unpackWARs off: classes and libraries read from inside the war file. */
    @Test
    void packedWar() {
        assertReadersNPlusOne(deployAndRequest("war-packed", false));
    }

    private static AgentReport deployAndRequest(String name, boolean unpack) {
        List<Path> classpath = BuildProperties.classpath("realapps.launcherClasspath");
        // Tomcat's base directory "tomcat" is relative to the child's own directory, its working directory.
        try (AppJvm tomcat = AppJvm.main(name, classpath, TomcatLauncher.class.getName(),
                "tomcat", BuildProperties.path("realapps.war").toString(), Boolean.toString(unpack))) {
            URI base = tomcat.start().awaitListening();
            Http.get(base.resolve("/bookshop/reviews"), "by Ada");
            AgentReport report = tomcat.stop();
            // The deployment was the one this test is about: classes from expanded files, or from inside the war.
            assertEquals(unpack, Files.isDirectory(tomcat.dir().resolve("tomcat/webapps/bookshop/WEB-INF/classes")),
                    "war expanded into Tomcat's webapps directory");
            return report;
        }
    }

    private static void assertReadersNPlusOne(AgentReport report) {
        Finding finding = report.assertFinding(READERS);
        // Application frames only, innermost first: the DAO's query, then the servlet's loop.
        assertEquals(List.of(READERS.location(), LOOP), finding.stack().subList(0, Math.min(2, finding.stack().size())), finding::toString);
        report.assertOnly(PACKAGE, List.of(READERS));
        report.assertTriggersAreQueries();
    }

    private static String frame(String relativeClass, String method, String marker) {
        return SourceMarker.frame("war-app", PACKAGE + "." + relativeClass, method, marker);
    }
}

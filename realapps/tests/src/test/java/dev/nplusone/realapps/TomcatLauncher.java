package dev.nplusone.realapps;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;

/**
 * A servlet container with one war deployed, as an operator runs one: Tomcat 11 on 127.0.0.1, a
 * port the system chooses, the war at context path /bookshop; it runs until the JVM is told to stop
 * (SIGTERM), then undeploys the war. Run in a child JVM by {@link WarInTomcatIT}, never in the
 * tests' own.
 *
 * <p>Arguments: Tomcat's base directory, the war file, and whether to expand the war into the
 * host's directory first (Tomcat's default) or serve it packed, its classes read from inside it.
 */
public final class TomcatLauncher {

    private TomcatLauncher() {
    }

    public static void main(String[] args) throws Exception {
        // Absolute: Tomcat resolves a relative appBase against its base directory, not the working one.
        Path base = Path.of(args[0]).toAbsolutePath();
        Path war = Path.of(args[1]).toAbsolutePath();
        boolean unpack = Boolean.parseBoolean(args[2]);

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        StandardHost host = (StandardHost) tomcat.getHost();
        host.setAppBase(Files.createDirectories(base.resolve("webapps")).toString());
        host.setUnpackWARs(unpack);
        // No JSP engine here (tomcat-embed-jasper is not on the class path): leave out the default web.xml
        // that would declare its servlet; the war's own web.xml maps everything the bookshop serves.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        tomcat.addWebapp("/bookshop", war.toString());
        tomcat.start();

        // Embedded Tomcat has no shutdown hook of its own; the webapp's listener closes its pool on stop.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "tomcat-stop"));
        System.out.println("tomcat: listening on http://127.0.0.1:" + connector.getLocalPort());
        tomcat.getServer().await();
    }
}

package dev.nplusone.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How this JVM was launched: the jar given to {@code java -jar}, or holding the main class named on
 * the command line (if any), the application's main
 * class (a Spring Boot jar's {@code Start-Class}, else {@code Main-Class}, else the class named on
 * the command line) and the Maven group id of the launched jar. Where code sources cannot tell the
 * application from its libraries (one shaded jar holding both), the main class's package can.
 *
 * <p>Read from {@code sun.java.command} and {@code java.class.path} the first time it is asked,
 * never at start-up.
 */
final class EntryPoint {

    /** Launchers whose main class says nothing about the application: a Boot jar names its own in Start-Class. */
    private static final String[] LAUNCHERS = {"org.springframework.boot.loader.", "org.apache.maven.surefire.", "org.gradle.",
        "com.intellij.rt.", "org.eclipse.jdt.internal.junit", "org.junit.platform.console."};

    private final String command;
    private final String classPath;
    private final ClassLoader classes;
    private boolean resolved;
    private Path jar;
    private String mainPackage;
    private String groupId;

    EntryPoint(String command, String classPath) {
        this(command, classPath, ClassLoader.getSystemClassLoader());
    }

    /** @param classes where the main class is looked up, as a resource, when it was named on the command line */
    EntryPoint(String command, String classPath, ClassLoader classes) {
        this.command = command == null ? "" : command.trim();
        this.classPath = classPath == null ? "" : classPath;
        this.classes = classes;
    }

    static EntryPoint ofThisJvm() {
        return new EntryPoint(System.getProperty("sun.java.command"), System.getProperty("java.class.path"));
    }

    /** The jar given to {@code java -jar}, or null. */
    synchronized Path jar() {
        resolve();
        return jar;
    }

    /** The Maven group id of the launched jar's own project, or null. */
    synchronized String groupId() {
        resolve();
        return groupId;
    }

    /** Whether a class is in the main class's package or below it. */
    synchronized boolean isApplicationPackage(String className) {
        resolve();
        return mainPackage != null && className.startsWith(mainPackage);
    }

    private void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        String main;
        // With -jar, the class path is exactly the jar and the command starts with it.
        if (!classPath.isEmpty() && classPath.endsWith(".jar") && command.startsWith(classPath)) {
            jar = Paths.get(classPath).toAbsolutePath().normalize();
            main = readJar(jar);
        } else {
            int space = command.indexOf(' ');
            main = space < 0 ? command : command.substring(0, space);
            main = main.substring(main.indexOf('/') + 1); // -m module/class
            if (!isLauncher(main)) {
                jar = jarOf(main); // java -cp app.jar:lib/* com.acme.Main: app.jar is the launched jar
                if (jar != null) {
                    readJar(jar);
                }
            }
        }
        if (main != null && main.indexOf('.') > 0 && !isLauncher(main)) {
            mainPackage = main.substring(0, main.lastIndexOf('.') + 1);
        }
    }

    /** The jar the system class loader finds a class in, without loading the class; null when it is not in a jar. */
    private Path jarOf(String className) {
        java.net.URL resource = classes.getResource(className.replace('.', '/') + ".class");
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return null;
        }
        Path file = ClassOrigins.localFile(resource.toString().substring(0, resource.toString().indexOf("!/") + 2));
        return file == null ? null : file.toAbsolutePath().normalize();
    }

    /** Reads a launched jar's main class and its own Maven group id. */
    private String readJar(Path path) {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try (JarFile file = new JarFile(path.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            groupId = ownGroupId(file, path.getFileName().toString());
            String start = attributes.getValue("Start-Class");
            return start != null ? start : attributes.getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /**
     * The group id in the {@code pom.properties} whose artifact id names the jar file
     * ({@code orders-1.2.jar} is artifact {@code orders}), or in the only one there is.
     */
    private static String ownGroupId(JarFile file, String fileName) throws IOException {
        List<Properties> poms = ClassOrigins.pomProperties(file);
        for (Properties pom : poms) {
            String artifact = pom.getProperty("artifactId");
            if (artifact != null && (fileName.startsWith(artifact + "-") || fileName.equals(artifact + ".jar"))) {
                return pom.getProperty("groupId");
            }
        }
        return poms.size() == 1 ? poms.get(0).getProperty("groupId") : null;
    }

    private static boolean isLauncher(String className) {
        for (String launcher : LAUNCHERS) {
            if (className.startsWith(launcher)) {
                return true;
            }
        }
        return false;
    }
}

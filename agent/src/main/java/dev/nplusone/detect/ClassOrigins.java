package dev.nplusone.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a class came from: code the application compiled itself, a library it depends on, or a
 * place that cannot tell. Decided from the class's code source, once per code source location, by
 * the rules in {@code docs/detection.md}:
 *
 * <ul>
 *   <li>application: a directory on the class path ({@code target/classes}, {@code build/classes},
 *       an IDE's output, test classes), {@code BOOT-INF/classes} of a Spring Boot jar,
 *       {@code WEB-INF/classes} of a war, a jar in the application layer of a layered Boot jar
 *       (the modules of the application's own build), a jar with the application's Maven group id
 *       (in its {@code pom.properties}, or in its path in a Maven repository);</li>
 *   <li>library: {@code BOOT-INF/lib} and {@code WEB-INF/lib} jars, jars in a Maven repository or
 *       Gradle cache, jars carrying the Maven coordinates of another project;</li>
 *   <li>mixed: the jar given to {@code java -jar} (it may bundle its libraries: a shaded jar), and
 *       anything else: {@link FrameFilter} then asks the entry point, and names only as the last resort.</li>
 * </ul>
 */
final class ClassOrigins {

    enum Origin { APPLICATION, LIBRARY, MIXED }

    private static final String POM_PROPERTIES = "pom.properties";
    /** {@code .../<artifact>/<version>/<artifact>-<version>[-classifier].jar}: Maven's repository layout. */
    private static final Pattern MAVEN_LAYOUT = Pattern.compile(".*/([^/]+)/([^/]+)/\\1-\\2[^/]*\\.jar");
    private static final String GRADLE_CACHE = "/caches/modules-2/files-2.1/";
    /** A jar inside a jar, as Spring Boot 2, 3 and 4 write their URLs ({@code jar:file:a.jar!/BOOT-INF/lib/x.jar!/}, {@code jar:nested:/a.jar/!BOOT-INF/lib/x.jar!/}). */
    private static final Pattern BOOT_LIB = Pattern.compile("^jar:(?:file|nested):(.+?\\.jar)/?!/?(BOOT-INF/lib/[^!]+\\.jar)");

    private final EntryPoint entry;
    private final ConcurrentHashMap<String, Origin> byLocation = new ConcurrentHashMap<>();
    /** Per Boot jar, the nested jars of its application layer (from {@code BOOT-INF/layers.idx}). */
    private final ConcurrentHashMap<String, Set<String>> applicationLayers = new ConcurrentHashMap<>();

    ClassOrigins(EntryPoint entry) {
        this.entry = entry;
    }

    Origin of(Class<?> type) {
        String location = location(type);
        return location == null ? Origin.MIXED : byLocation.computeIfAbsent(location, this::classify);
    }

    private static String location(Class<?> type) {
        try {
            ProtectionDomain domain = type.getProtectionDomain();
            CodeSource source = domain == null ? null : domain.getCodeSource();
            URL url = source == null ? null : source.getLocation();
            return url == null ? null : url.toString();
        } catch (SecurityException denied) {
            return null;
        }
    }

    Origin classify(String location) {
        if (location.contains("BOOT-INF/classes") || location.contains("WEB-INF/classes")) {
            return Origin.APPLICATION;
        }
        Matcher bootLib = BOOT_LIB.matcher(location);
        if (bootLib.find()) {
            return applicationLayer(bootLib.group(1)).contains(bootLib.group(2)) ? Origin.APPLICATION : Origin.LIBRARY;
        }
        if (location.contains("BOOT-INF/lib/") || location.contains("WEB-INF/lib/")) {
            return Origin.LIBRARY;
        }
        Path file = localFile(location);
        if (file == null) {
            return Origin.MIXED;
        }
        if (Files.isDirectory(file)) {
            return Origin.APPLICATION;
        }
        String path = file.toString().replace('\\', '/');
        if (!path.endsWith(".jar")) {
            return Origin.MIXED;
        }
        if (file.equals(entry.jar())) {
            return launched(file);
        }
        Matcher maven = MAVEN_LAYOUT.matcher(path);
        if (maven.matches()) {
            // A module of the application's own build, installed beside its dependencies (a
            // multi-module build's tests, an appassembler repo): the path names its group.
            String group = entry.groupId();
            boolean own = group != null && path.contains("/" + group.replace('.', '/') + "/" + maven.group(1) + "/" + maven.group(2) + "/");
            return own ? Origin.APPLICATION : Origin.LIBRARY;
        }
        if (path.contains(GRADLE_CACHE)) {
            return Origin.LIBRARY;
        }
        Set<String> groups = mavenGroups(file);
        if (groups.isEmpty()) {
            return Origin.MIXED;
        }
        return groups.contains(entry.groupId()) ? Origin.APPLICATION : Origin.LIBRARY;
    }

    /**
     * The jar given to {@code java -jar}. A Spring Boot jar's own classes are Boot's launcher (the
     * application is nested in it). Any other may hold the application's libraries too (a shaded
     * jar, with or without their Maven coordinates): the entry point's package tells.
     */
    private static Origin launched(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            boolean boot = manifest != null && manifest.getMainAttributes().getValue("Start-Class") != null;
            return boot || file.getEntry("BOOT-INF/classes/") != null || file.getEntry("WEB-INF/classes/") != null
                    ? Origin.LIBRARY : Origin.MIXED;
        } catch (IOException unreadable) {
            return Origin.MIXED;
        }
    }

    /** The nested jars that a layered Boot jar puts in its {@code application} layer: the application's own modules. */
    private Set<String> applicationLayer(String bootJar) {
        return applicationLayers.computeIfAbsent(bootJar, jar -> {
            Path file = localFile("file:" + jar);
            if (file == null) {
                return Set.of();
            }
            try (JarFile boot = new JarFile(file.toFile())) {
                JarEntry index = boot.getJarEntry("BOOT-INF/layers.idx");
                return index == null ? Set.of() : LayersIndex.entries(boot.getInputStream(index), "application");
            } catch (IOException unreadable) {
                return Set.of();
            }
        });
    }

    /** The group ids of the Maven projects whose {@code pom.properties} a jar carries. */
    static Set<String> mavenGroups(Path jar) {
        Set<String> groups = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Properties pom : pomProperties(file)) {
                if (pom.getProperty("groupId") != null) {
                    groups.add(pom.getProperty("groupId"));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Collections.emptySet();
        }
        return groups;
    }

    /** Every {@code META-INF/maven/<group>/<artifact>/pom.properties} of a jar: its own project's, and those it bundles. */
    static List<Properties> pomProperties(JarFile file) throws IOException {
        List<Properties> poms = new ArrayList<>();
        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
            JarEntry e = entries.nextElement();
            if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/" + POM_PROPERTIES)) {
                Properties pom = new Properties();
                try (InputStream in = file.getInputStream(e)) {
                    pom.load(in);
                }
                poms.add(pom);
            }
        }
        return poms;
    }

    /** A {@code file:} URL, or a {@code jar:file:...!/} one, as a path; null for anything else. */
    static Path localFile(String location) {
        String url = location;
        if (url.startsWith("jar:")) {
            int bang = url.indexOf("!/");
            if (bang < 0 || bang + 2 != url.length()) {
                return null; // a jar inside a jar
            }
            url = url.substring(4, bang);
        }
        if (!url.startsWith("file:")) {
            return null;
        }
        try {
            return Paths.get(URI.create(url.replace(" ", "%20"))).normalize();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** Reads Spring Boot's {@code layers.idx}: {@code - "layer":} lines, each followed by {@code - "entry"} lines. */
    static final class LayersIndex {
        private LayersIndex() {
        }

        static Set<String> entries(InputStream index, String layer) throws IOException {
            Set<String> entries = new HashSet<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
                boolean inLayer = false;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("- ")) {
                        inLayer = line.equals("- \"" + layer + "\":");
                    } else if (inLayer && line.trim().startsWith("- ")) {
                        String entry = line.trim().substring(2).trim();
                        entries.add(entry.startsWith("\"") && entry.endsWith("\"") ? entry.substring(1, entry.length() - 1) : entry);
                    }
                }
            }
            return entries;
        }
    }
}

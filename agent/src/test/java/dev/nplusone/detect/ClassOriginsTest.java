package dev.nplusone.detect;

import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Application code is recognised by where a class came from, whatever its name: real classes in
 * real directories and jars, laid out as builds and packagers lay them out.
 */
class ClassOriginsTest {

    @TempDir
    Path dir;

    private final ClassOrigins origins = new ClassOrigins(new EntryPoint("", ""));

    @Test
    void buildOutputOfEveryKindIsTheApplication() throws IOException {
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify(Files.createDirectories(dir.resolve("target/classes")).toUri().toString()));
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify("jar:file:/srv/app.jar!/BOOT-INF/classes!/"));    // Boot 2
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/")); // Boot 3.2+
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify("file:/srv/tomcat/webapps/shop/WEB-INF/classes/"));
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify("jar:file:/srv/shop.war!/WEB-INF/classes/"));
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify("vfs:/content/shop.war/WEB-INF/classes/"));
    }

    @Test
    void dependenciesAreLibraries() {
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify("jar:file:/srv/app.jar!/BOOT-INF/lib/HikariCP-6.3.3.jar!/"));
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify("jar:nested:/srv/app.jar/!BOOT-INF/lib/HikariCP-6.3.3.jar!/"));
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify("file:/srv/tomcat/webapps/shop/WEB-INF/lib/h2-2.3.232.jar"));
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify("file:/home/u/.m2/repository/com/zaxxer/HikariCP/6.3.3/HikariCP-6.3.3.jar"));
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify("file:/opt/repo/org/hibernate/orm/hibernate-core/7.2.0.Final/hibernate-core-7.2.0.Final.jar"));
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify(
                "file:/home/u/.gradle/caches/modules-2/files-2.1/com.h2database/h2/2.3.232/0a1b2c/h2-2.3.232.jar"));
    }

    @Test
    void aJarIsALibraryByTheMavenCoordinatesOfAnotherProject() throws IOException {
        Path other = jar(dir.resolve("lib/client.jar"), null, Map.of("META-INF/maven/org.other/client/pom.properties",
                "groupId=org.other\nartifactId=client\nversion=1\n"));
        Path bare = jar(dir.resolve("lib/bare.jar"), null, Map.of("x/Y.class", ""));
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify(other.toUri().toString()));
        assertEquals(ClassOrigins.Origin.MIXED, origins.classify(bare.toUri().toString()), "nothing tells: the entry point and names decide");
    }

    @Test
    void aJarOfTheApplicationsOwnGroupIsTheApplication() throws IOException {
        Path app = jar(dir.resolve("shop-1.0.jar"), manifest("Main-Class", "com.acme.shop.Main"), Map.of(
                "META-INF/maven/com.acme/shop/pom.properties", "groupId=com.acme\nartifactId=shop\nversion=1.0\n",
                "META-INF/maven/com.h2database/h2/pom.properties", "groupId=com.h2database\nartifactId=h2\nversion=2\n"));
        Path module = jar(dir.resolve("lib/shop-core-1.0.jar"), null, Map.of(
                "META-INF/maven/com.acme/shop-core/pom.properties", "groupId=com.acme\nartifactId=shop-core\nversion=1.0\n"));
        ClassOrigins launched = new ClassOrigins(new EntryPoint(app + " --port 0", app.toString()));
        assertEquals(ClassOrigins.Origin.APPLICATION, launched.classify(module.toUri().toString()));
        assertEquals(ClassOrigins.Origin.MIXED, launched.classify(app.toUri().toString()),
                "the launched jar may hold its libraries too: its entry point decides");
    }

    @Test
    void aMainClassNamedOnTheCommandLineNamesTheApplicationsJarAndGroup() throws Exception {
        // An appassembler-style distribution: every jar, the application's own among them, in a Maven layout.
        Path repo = dir.resolve("repo");
        Path app = jar(repo.resolve("com/acme/shop/1.0/shop-1.0.jar"), null, Map.of(
                "com/acme/shop/Main.class", "",
                "META-INF/maven/com.acme/shop/pom.properties", "groupId=com.acme\nartifactId=shop\nversion=1.0\n"));
        Path core = jar(repo.resolve("com/acme/shop-core/1.0/shop-core-1.0.jar"), null, Map.of());
        Path hikari = jar(repo.resolve("com/zaxxer/HikariCP/6.3.3/HikariCP-6.3.3.jar"), null, Map.of());
        try (URLClassLoader classes = new URLClassLoader(new URL[]{app.toUri().toURL(), core.toUri().toURL(), hikari.toUri().toURL()}, null)) {
            ClassOrigins origins = new ClassOrigins(new EntryPoint("com.acme.shop.Main --port 8080", app + ":" + core + ":" + hikari, classes));
            assertEquals(ClassOrigins.Origin.MIXED, origins.classify(app.toUri().toString()), "the main class's jar: its package decides");
            assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify(core.toUri().toString()), "a module of the same group");
            assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify(hikari.toUri().toString()));
        }
    }

    @Test
    void theApplicationLayerOfALayeredBootJarIsTheApplication() throws IOException {
        Path boot = jar(dir.resolve("app.jar"), manifest("Start-Class", "org.springframework.samples.shop.ShopApplication"), Map.of(
                "BOOT-INF/classes/org/springframework/samples/shop/ShopApplication.class", "",
                "BOOT-INF/layers.idx", "- \"dependencies\":\n  - \"BOOT-INF/lib/\"\n- \"spring-boot-loader\":\n  - \"org/\"\n"
                        + "- \"snapshot-dependencies\":\n- \"application\":\n  - \"BOOT-INF/classes/\"\n"
                        + "  - \"BOOT-INF/lib/shop-core-1.0.jar\"\n  - \"META-INF/\"\n"));
        String url = boot.toUri().getPath();
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify("jar:nested:" + url + "/!BOOT-INF/lib/shop-core-1.0.jar!/"));
        assertEquals(ClassOrigins.Origin.LIBRARY, origins.classify("jar:nested:" + url + "/!BOOT-INF/lib/HikariCP-6.3.3.jar!/"));
        assertEquals(ClassOrigins.Origin.APPLICATION, origins.classify("jar:file:" + url + "!/BOOT-INF/lib/shop-core-1.0.jar!/"));
        ClassOrigins launched = new ClassOrigins(new EntryPoint(boot.toString(), boot.toString()));
        assertEquals(ClassOrigins.Origin.LIBRARY, launched.classify(boot.toUri().toString()), "a Boot jar's own classes are its launcher");
    }

    @Test
    void theEntryPointNamesTheApplicationsPackage() throws IOException {
        Path boot = jar(dir.resolve("app.jar"), manifest("Start-Class", "org.springframework.samples.shop.ShopApplication"), Map.of());
        EntryPoint jar = new EntryPoint(boot + " --server.port=0", boot.toString());
        assertEquals(boot.toAbsolutePath(), jar.jar());
        assertTrue(jar.isApplicationPackage("org.springframework.samples.shop.web.OwnerController"));
        assertFalse(jar.isApplicationPackage("org.springframework.web.servlet.DispatcherServlet"));

        EntryPoint named = new EntryPoint("org.springframework.shadedsample.Main 8080", "shaded.jar:other.jar");
        assertTrue(named.isApplicationPackage("org.springframework.shadedsample.catalog.Catalog"));
        assertEquals(null, named.jar());

        EntryPoint module = new EntryPoint("shop/com.acme.shop.Main", "");
        assertTrue(module.isApplicationPackage("com.acme.shop.Cart"));

        EntryPoint surefire = new EntryPoint("org.apache.maven.surefire.booter.ForkedBooter /tmp/x 1", "surefirebooter.jar");
        assertFalse(surefire.isApplicationPackage("org.apache.maven.surefire.booter.Helper"), "a launcher says nothing of the application");
    }

    @Test
    void theFrameFilterGoesByOriginThenEntryPointThenNames() throws Exception {
        // Application classes under framework-looking names, and a library under an unknown name.
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        define("org.springframework.samples.shop.OwnerService").saveIn(classes.toFile());
        Path library = dir.resolve("repo/com/acme/helpers/1.0/helpers-1.0.jar");
        define("com.acme.helpers.Retry").toJar(Files.createDirectories(library.getParent()).resolve(library.getFileName()).toFile());
        Path plain = dir.resolve("lib/plain.jar");
        Files.createDirectories(plain.getParent());
        Path unpacked = Files.createDirectories(dir.resolve("plain"));
        define("org.springframework.shadedsample.catalog.Catalog").saveIn(unpacked.toFile());
        define("org.h2.Bundled").saveIn(unpacked.toFile());
        define("com.acme.Unknown").saveIn(unpacked.toFile());
        jarDirectory(unpacked, plain);

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL(), library.toUri().toURL(), plain.toUri().toURL()},
                ClassOriginsTest.class.getClassLoader())) {
            FrameFilter byNames = new FrameFilter(java.util.List.of(), null, java.util.List.of(), new EntryPoint("", ""));
            assertEquals(FrameFilter.Kind.APPLICATION, byNames.classify(loader.loadClass("org.springframework.samples.shop.OwnerService")));
            assertEquals(FrameFilter.Kind.INFRASTRUCTURE, byNames.classify(loader.loadClass("com.acme.helpers.Retry")));
            assertEquals(FrameFilter.Kind.INFRASTRUCTURE, byNames.classify(loader.loadClass("org.springframework.shadedsample.catalog.Catalog")),
                    "nothing else tells: the name list");
            assertEquals(FrameFilter.Kind.APPLICATION, byNames.classify(loader.loadClass("com.acme.Unknown")));

            FrameFilter byEntry = new FrameFilter(java.util.List.of(), null, java.util.List.of(), new EntryPoint("org.springframework.shadedsample.Main", ""));
            assertEquals(FrameFilter.Kind.APPLICATION, byEntry.classify(loader.loadClass("org.springframework.shadedsample.catalog.Catalog")));
            assertEquals(FrameFilter.Kind.INFRASTRUCTURE, byEntry.classify(loader.loadClass("org.h2.Bundled")));

            FrameFilter preferred = new FrameFilter(java.util.List.of("com.acme.helpers."), null, java.util.List.of(), new EntryPoint("", ""));
            assertEquals(FrameFilter.Kind.PREFERRED, preferred.classify(loader.loadClass("com.acme.helpers.Retry")), "packages= still wins");
        }
    }

    private static net.bytebuddy.dynamic.DynamicType.Unloaded<Object> define(String name) {
        return new ByteBuddy().subclass(Object.class).name(name).make();
    }

    private static Manifest manifest(String key, String value) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(key, value);
        return manifest;
    }

    private static Path jar(Path file, Manifest manifest, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
             JarOutputStream jar = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static void jarDirectory(Path from, Path file) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file));
             java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(from.relativize(p).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
        }
    }
}

package dev.nplusone.realapps;

/**
 * The library as it ships: {@code java -jar library.jar}, Spring Boot's executable jar, whose
 * classes load from BOOT-INF/classes and libraries from BOOT-INF/lib/*.jar, all within one file.
 */
class BootJarIT extends LibraryAppChecks {

    @Override
    AppJvm launch(String name) {
        return AppJvm.jar(name, Settings.path("realapps.bootJar"));
    }
}

package dev.nplusone.realapps;

import dev.nplusone.testkit.BuildProperties;

/**
 * The library as it ships: {@code java -jar library.jar}, Spring Boot's executable jar, whose
 * classes load from BOOT-INF/classes and libraries from BOOT-INF/lib/*.jar, all within one file.
 */
class BootJarIT extends LibraryAppChecks {

    @Override
    AppJvm launch(String name) {
        return AppJvm.jar(name, BuildProperties.path("realapps.bootJar"));
    }
}

package dev.nplusone.realapps;

import dev.nplusone.testkit.BuildProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The library as a developer runs it, from an IDE or with spring-boot:run: its classes from
 * boot-app/target/classes, its libraries straight from the local Maven repository.
 */
class BootExplodedIT extends LibraryAppChecks {

    @Override
    AppJvm launch(String name) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(BuildProperties.path("realapps.bootClasses"));
        Path dependencies = BuildProperties.path("realapps.bootClasspathFile");
        try {
            classpath.addAll(BuildProperties.split(Files.readString(dependencies).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read boot-app's class path " + dependencies, e);
        }
        return AppJvm.main(name, classpath, PACKAGE + ".LibraryApplication");
    }
}

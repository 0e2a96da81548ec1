package dev.nplusone.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON reports under a report directory: every {@code *.json} file in it or below it, as the
 * check command reads them.
 */
final class Reports {

    private Reports() {
    }

    /** The reports, sorted; none when the directory does not exist. */
    static List<Path> in(File directory) throws IOException {
        if (!directory.isDirectory()) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory.toPath())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Deletes the reports; returns how many there were. */
    static int delete(File directory) throws IOException {
        List<Path> reports = in(directory);
        for (Path report : reports) {
            Files.delete(report);
        }
        return reports.size();
    }

    /** Whether the check would read {@code file} as a report of {@code directory}. */
    static boolean wouldBeRead(File file, File directory) {
        Path path = file.getAbsoluteFile().toPath().normalize();
        return file.getName().endsWith(".json") && path.startsWith(directory.getAbsoluteFile().toPath().normalize());
    }
}

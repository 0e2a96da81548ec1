package dev.nplusone.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The JSON reports in a report directory: every {@code *.json} file directly in it. */
final class Reports {

    private Reports() {
    }

    /** The reports, sorted by name; none when the directory does not exist. */
    static List<Path> in(File directory) throws IOException {
        List<Path> reports = new ArrayList<>();
        if (!directory.isDirectory()) {
            return reports;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.toPath(), "*.json")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    reports.add(file);
                }
            }
        }
        Collections.sort(reports);
        return reports;
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
        File parent = file.getAbsoluteFile().getParentFile();
        return file.getName().endsWith(".json") && parent != null
                && parent.toPath().normalize().equals(directory.getAbsoluteFile().toPath().normalize());
    }
}

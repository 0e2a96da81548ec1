package dev.nplusone.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;

/**
 * Where a JVM's JSON report goes, and whether it can go there: decided when the agent starts (and by
 * the command line before it attaches), not discovered at exit.
 *
 * <p>{@code report=file.json} is that file ({@code %p} stands for the process id).
 * {@code report=dir/} (a trailing separator, or a directory that exists) is a directory that
 * several JVMs share: each writes {@code nplusone-<pid>-<start>.json} in it, {@code <start>} being
 * the JVM's start in milliseconds since the epoch, so that neither two live JVMs nor a later JVM
 * given the same process id overwrite each other.
 */
public final class ReportTarget {

    private ReportTarget() {
    }

    /** The file a {@code report} option names for this JVM; null for none. */
    public static Path resolve(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        ProcessHandle self = ProcessHandle.current();
        String pid = Long.toString(self.pid());
        Path path = Paths.get(value.replace("%p", pid));
        if (isDirectory(value, path)) {
            long start = self.info().startInstant().orElseGet(Instant::now).toEpochMilli();
            return path.resolve("nplusone-" + pid + "-" + start + ".json");
        }
        return path;
    }

    /** Whether a {@code report} value names a directory: it ends with a separator, or names one that exists. */
    public static boolean isDirectory(String value, Path path) {
        return value.endsWith("/") || value.endsWith(File.separator) || Files.isDirectory(path);
    }

    /**
     * Makes the report's directory (as writing it would) and tries a file beside the report, the
     * way it is written (a temporary file, then a rename).
     *
     * @return null when the report can be written; else one line for the user, {@code cannot write <file>: <why>}
     */
    public static String problem(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (Files.isDirectory(absolute)) {
                return "cannot write " + absolute + ": it is a directory";
            }
            Path dir = absolute.getParent();
            Files.createDirectories(dir);
            Path probe = JsonReport.temporaryFile(absolute, false);
            Files.delete(probe);
            return null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return cannotWrite(absolute, e);
        }
    }

    /** One line for a report that could not be written: {@code cannot write <file>: <why>}. */
    public static String cannotWrite(Path file, Exception e) {
        return "cannot write " + file.toAbsolutePath() + ": " + reason(e);
    }

    /** Why a file operation failed, in words: {@code permission denied}, {@code Read-only file system}, ... */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied" + where(((FileSystemException) e).getFile());
        }
        if (e instanceof FileAlreadyExistsException) { // a file where a directory must be made
            return "not a directory" + where(((FileSystemException) e).getFile());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + where(((FileSystemException) e).getFile());
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason() + where(((FileSystemException) e).getFile());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String where(String file) {
        return file == null ? "" : " (" + file + ")";
    }
}

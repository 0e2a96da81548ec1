package dev.nplusone.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: to a hidden temporary file beside the target, then renamed over
 * it, so a reader, or a JVM killed half-way, never leaves half a file. Every report the agent and its
 * commands write (JSON, HTML) goes through here.
 */
public final class AtomicFile {

    private static final AtomicLong TEMPORARY = new AtomicLong();

    /** What fills the file. */
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param ownerOnly create the file readable and writable by its owner only (it holds parameter
     *                  values); else the umask decides, as for any file the application creates
     */
    public static void write(Path target, boolean ownerOnly, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = temporaryFile(absolute, ownerOnly);
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty file beside the target, hidden, named after it, this process and a counter (so that
     * a dump and the exit, or two JVMs, never share one).
     */
    static Path temporaryFile(Path target, boolean ownerOnly) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMPORARY.incrementAndGet() + ".tmp");
        if (ownerOnly && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        return temp;
    }
}

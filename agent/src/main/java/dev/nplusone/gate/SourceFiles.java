package dev.nplusone.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a stack frame ({@code com.acme.Mapper.toDto(Mapper.java:42)}) into a source file path
 * relative to the project root, so that code-scanning UIs can annotate the line. The frame names
 * the class and the file; the source roots are the usual {@code src/<set>/<language>} directories
 * under the project (or the ones given), searched once.
 */
public final class SourceFiles {

    private static final int MAX_DEPTH = 8;

    private final Path projectRoot;
    private final List<Path> roots;
    private final Map<String, String> cache = new HashMap<>();

    /**
     * @param projectRoot what paths are relative to
     * @param givenRoots  the source roots; when empty, every {@code src/<set>/<language>} directory under the project root
     */
    public SourceFiles(Path projectRoot, List<Path> givenRoots) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.roots = givenRoots.isEmpty() ? discover(this.projectRoot) : absolute(givenRoots);
    }

    /** A parsed frame, or null when the text is not {@code class.method(File:line)}. */
    static Frame parse(String location) {
        int open = location.indexOf('(');
        int close = location.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String method = location.substring(0, open);
        int dot = method.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String className = method.substring(0, dot);
        String inside = location.substring(open + 1, close);
        int colon = inside.lastIndexOf(':');
        String file = colon < 0 ? inside : inside.substring(0, colon);
        int line = 0;
        if (colon >= 0) {
            try {
                line = Integer.parseInt(inside.substring(colon + 1));
            } catch (NumberFormatException ignored) {
                // no line
            }
        }
        if (file.isEmpty() || file.contains(" ")) {
            return null; // "Native Method", "Unknown Source"
        }
        return new Frame(className, file, line);
    }

    /** The file of a class, relative to the project root with '/' separators; the package path when not found. */
    String pathOf(Frame frame) {
        String packagePath = packagePath(frame);
        return cache.computeIfAbsent(packagePath, p -> {
            Path found = find(p);
            if (found == null) {
                return p;
            }
            Path rel = found.startsWith(projectRoot) ? projectRoot.relativize(found) : found;
            return rel.toString().replace('\\', '/');
        });
    }

    /**
     * The source file of a location ({@code com.acme.Mapper.toDto(Mapper.java:42)}) under the
     * source roots, or null when the location names no file or no root has it.
     */
    public Path file(String location) {
        Frame frame = parse(location);
        return frame == null ? null : find(packagePath(frame));
    }

    /**
     * Where a location's file is under any source root ({@code com/acme/Mapper.java} for
     * {@code com.acme.Mapper$Row.toDto(Mapper.java:42)}), or null when the location names no file.
     */
    public static String sourcePath(String location) {
        Frame frame = parse(location);
        return frame == null ? null : packagePath(frame);
    }

    /** The line number of a location, or 0 when it names none. */
    public static int line(String location) {
        Frame frame = parse(location);
        return frame == null ? 0 : frame.line;
    }

    private static String packagePath(Frame frame) {
        String outer = frame.className.contains("$") ? frame.className.substring(0, frame.className.indexOf('$')) : frame.className;
        int dot = outer.lastIndexOf('.');
        return (dot < 0 ? "" : outer.substring(0, dot).replace('.', '/') + "/") + frame.file;
    }

    private Path find(String packagePath) {
        for (Path root : roots) {
            Path candidate = root.resolve(packagePath);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Path> discover(Path root) {
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            List<Path> found = new ArrayList<>();
            walk.filter(Files::isDirectory)
                    .filter(p -> !skipped(root.relativize(p)))
                    .filter(p -> p.getParent() != null && p.getParent().getParent() != null
                            && p.getParent().getParent().getFileName() != null
                            && p.getParent().getParent().getFileName().toString().equals("src"))
                    .forEach(found::add);
            return found;
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("build") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> absolute(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            out.add(r.toAbsolutePath().normalize());
        }
        return out;
    }

    static final class Frame {
        final String className;
        final String file;
        final int line;

        Frame(String className, String file, int line) {
            this.className = className;
            this.file = file;
            this.line = line;
        }
    }
}

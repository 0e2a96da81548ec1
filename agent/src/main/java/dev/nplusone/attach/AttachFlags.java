package dev.nplusone.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a JVM was started with {@code -XX:+DisableAttachMechanism}, read from its command line and
 * from the environment variables the JVM reads options from. Where the operating system does not
 * tell (another user's process, no {@code /proc}), the answer is no, and the attach itself fails.
 */
final class AttachFlags {

    static final String DISABLE = "-XX:+DisableAttachMechanism";
    static final String ENABLE = "-XX:-DisableAttachMechanism";
    /** The JDK's message for a JVM that offers no attach mechanism (it reads the flag from the JVM's shared statistics). */
    static final String NOT_SUPPORTED = "The VM does not support the attach mechanism";

    private AttachFlags() {
    }

    static boolean disabled(long pid) {
        List<String> options = new ArrayList<>();
        // The JVM reads these variables first, then the command line: the last word wins.
        options.addAll(words(environment(pid, "JDK_JAVA_OPTIONS")));
        options.addAll(words(environment(pid, "JAVA_TOOL_OPTIONS")));
        options.addAll(commandLine(pid));
        boolean disabled = false;
        for (String option : options) {
            if (option.equals(DISABLE)) {
                disabled = true;
            } else if (option.equals(ENABLE)) {
                disabled = false;
            }
        }
        return disabled;
    }

    /** {@code /proc} first: {@link ProcessHandle.Info#arguments} gives nothing for a long command line (a long class path). */
    private static List<String> commandLine(long pid) {
        List<String> words = proc(pid, "cmdline");
        if (!words.isEmpty()) {
            return words;
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).map(List::of).orElse(List.of());
    }

    private static String environment(long pid, String name) {
        for (String entry : proc(pid, "environ")) {
            if (entry.startsWith(name + "=")) {
                return entry.substring(name.length() + 1);
            }
        }
        return "";
    }

    /** A file of {@code /proc/<pid>}, its NUL-separated entries; empty where there is none or it is not ours to read. */
    private static List<String> proc(long pid, String file) {
        try {
            String text = new String(Files.readAllBytes(Paths.get("/proc", Long.toString(pid), file)), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\0"));
        } catch (IOException | SecurityException | java.nio.file.InvalidPathException unreadable) {
            return List.of();
        }
    }

    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String w : value.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}

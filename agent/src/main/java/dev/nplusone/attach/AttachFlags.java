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

    private AttachFlags() {
    }

    static boolean disabled(long pid) {
        List<String> options = new ArrayList<>();
        // The JVM reads these variables first, then the command line: the last word wins.
        options.addAll(words(environment(pid, "JDK_JAVA_OPTIONS")));
        options.addAll(words(environment(pid, "JAVA_TOOL_OPTIONS")));
        ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).ifPresent(args -> options.addAll(List.of(args)));
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

    private static String environment(long pid, String name) {
        Path environ = Paths.get("/proc", Long.toString(pid), "environ");
        try {
            for (String entry : new String(Files.readAllBytes(environ), StandardCharsets.UTF_8).split("\0")) {
                if (entry.startsWith(name + "=")) {
                    return entry.substring(name.length() + 1);
                }
            }
        } catch (IOException | SecurityException unreadable) {
            // not Linux, or not ours to read
        }
        return "";
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

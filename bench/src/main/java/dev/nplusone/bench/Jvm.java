package dev.nplusone.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child JVMs: the same java binary as this one, started from the benchmark jar or another jar. */
public final class Jvm {

    private Jvm() {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar (or classes folder) this harness runs from; child JVMs start from it too. */
    public static String benchClassPath() {
        try {
            return Path.of(Jvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command line: java, then the JVM options, then what follows (a main class or -jar). */
    public static List<String> command(List<String> jvmOptions, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of(rest));
        return command;
    }

    /** Runs a command to its end and returns its output (standard error merged in); fails on a non-zero exit. */
    public static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("exit " + status + " from " + String.join(" ", command) + ":\n" + String.join("\n", lines));
        }
        return lines;
    }

    /** The line that starts with {@code prefix}, without it; fails naming the output when absent. */
    public static String field(List<String> lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IllegalStateException("no line starting with '" + prefix + "' in:\n" + String.join("\n", lines));
    }
}

package dev.nplusone.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a command that writes UTF-8 and hands each line of its standard output and standard error to a consumer as
 * it comes, keeping the lines for the verdict.
 */
final class CheckProcess {

    /** What the command printed and how it ended. */
    static final class Result {
        final int exitCode;
        final List<String> out;
        final List<String> err;

        Result(int exitCode, List<String> out, List<String> err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }
    }

    private CheckProcess() {
    }

    static Result run(List<String> command, File directory, Consumer<String> onOut, Consumer<String> onErr)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory).start();
        process.getOutputStream().close();
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        UncheckedIOException[] errFailure = new UncheckedIOException[1];
        // Both streams must be drained at once, or a child filling one pipe blocks forever.
        Thread errReader = new Thread(() -> {
            try {
                readLines(process.getErrorStream(), err, onErr);
            } catch (UncheckedIOException e) {
                errFailure[0] = e;
            }
        }, "nplusone-check-stderr");
        errReader.setDaemon(true);
        errReader.start();
        List<String> out = new ArrayList<>();
        try {
            readLines(process.getInputStream(), out, onOut);
            int exitCode = process.waitFor();
            errReader.join();
            if (errFailure[0] != null) {
                throw errFailure[0];
            }
            return new Result(exitCode, out, new ArrayList<>(err));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            process.destroy();
        }
    }

    private static void readLines(InputStream stream, List<String> into, Consumer<String> each) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                into.add(line);
                each.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

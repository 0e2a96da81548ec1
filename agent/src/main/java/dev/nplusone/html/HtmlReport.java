package dev.nplusone.html;

import dev.nplusone.gate.SourceFiles;
import dev.nplusone.gate.UnreadableReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Writes the HTML report: one file, with its style and script inline, that fetches nothing (its
 * Content-Security-Policy allows no request at all, and only its own style and script by their
 * hashes), so that it works opened from a CI artifact.
 */
public final class HtmlReport {

    static final String STYLE = resource("report.css");
    static final String SCRIPT = resource("report.js");

    private HtmlReport() {
    }

    /**
     * Reads the reports that the inputs name and writes the page to {@code file} (through a
     * temporary file beside it, so that a reader never sees half of it).
     *
     * @param sources where to find the lines around each finding's location; null for none
     * @return how many reports and findings the page shows
     */
    public static Written write(Path file, List<Path> inputs, SourceFiles sources, String version) throws IOException, UnreadableReport {
        ReportSet reports = ReportSet.read(inputs);
        String page = page(reports, new SourceSnippet(sources), version);
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // Not createTempFile, whose file only its owner may read: the page is an artifact to share.
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(temp, page, StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Written(reports.each().size(), reports.findings().size());
    }

    /** What a page shows, for the line that says it was written. */
    public static final class Written {
        public final int reports;
        public final int findings;

        Written(int reports, int findings) {
            this.reports = reports;
            this.findings = findings;
        }
    }

    static String page(ReportSet reports, SourceSnippet sources, String version) {
        String title = "nplusone report";
        String body = new HtmlPage(reports, sources).body(title);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '" + sha256(STYLE)
                + "'; script-src '" + sha256(SCRIPT) + "'; img-src data:; form-action 'none'; base-uri 'none'\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"nplusone " + Html.escape(version) + "\">\n"
                + "<title>" + title + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body
                + "<footer>Written " + Instant.now() + " by nplusone " + Html.escape(version) + " from " + reports.each().size() + " report"
                + (reports.each().size() == 1 ? "" : "s") + ".</footer>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n";
    }

    /** A CSP source expression that allows exactly this inline style or script. */
    private static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the agent jar lacks dev/nplusone/html/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

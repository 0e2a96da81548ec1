package dev.nplusone.html;

import dev.nplusone.gate.SourceFiles;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lines of source around a finding's location, when the source roots have its file. */
final class SourceSnippet {

    /** Lines shown before and after the location's line. */
    static final int CONTEXT = 4;

    /** One line of source and its number. */
    static final class Line {
        final int number;
        final String text;
        final boolean at;

        Line(int number, String text, boolean at) {
            this.number = number;
            this.text = text;
            this.at = at;
        }
    }

    private final SourceFiles sources;
    private final Map<Path, List<String>> files = new HashMap<>();

    /** @param sources where to look; null for no source at all */
    SourceSnippet(SourceFiles sources) {
        this.sources = sources;
    }

    /** The file the location names, relative as the source roots found it; null when there is none. */
    Path file(String location) {
        return sources == null ? null : sources.file(location);
    }

    /** The file the location names, as the page shows it: under its source root ({@code com/acme/Mapper.java}). */
    String shown(String location) {
        return SourceFiles.sourcePath(location);
    }

    /** The lines around the location's line; empty when the file or the line is not there. */
    List<Line> around(String location) {
        Path file = file(location);
        int line = SourceFiles.line(location);
        if (file == null || line <= 0) {
            return List.of();
        }
        List<String> lines = files.computeIfAbsent(file, SourceSnippet::read);
        if (line > lines.size()) {
            return List.of(); // the sources are not the ones the report was made from
        }
        List<Line> out = new java.util.ArrayList<>();
        for (int n = Math.max(1, line - CONTEXT); n <= Math.min(lines.size(), line + CONTEXT); n++) {
            out.add(new Line(n, lines.get(n - 1), n == line));
        }
        return out;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            try {
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                return List.of();
            }
        } catch (IOException e) {
            return List.of();
        }
    }
}

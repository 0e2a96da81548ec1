package dev.nplusone.gate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check as a JUnit XML report, which CI servers list in their test tabs: one test case per
 * scope that passed, one failed test case per breach.
 */
final class JunitXml {

    private JunitXml() {
    }

    static void write(Path file, Reports reports, List<Breach> breaches) throws IOException {
        Map<String, List<Breach>> byScope = new LinkedHashMap<>();
        for (Breach b : breaches) {
            byScope.computeIfAbsent(b.scope(), k -> new ArrayList<>()).add(b);
        }
        List<String> clean = new ArrayList<>();
        for (ScopeTotal s : reports.scopes()) {
            if (!byScope.containsKey(s.name()) && !clean.contains(s.name())) {
                clean.add(s.name());
            }
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try (Writer out = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.write("<testsuite name=\"nplusone\" tests=\"" + (clean.size() + breaches.size()) + "\" failures=\"" + breaches.size()
                    + "\" errors=\"0\" skipped=\"0\">\n");
            for (Map.Entry<String, List<Breach>> scope : byScope.entrySet()) {
                for (Breach b : scope.getValue()) {
                    out.write("  <testcase classname=\"nplusone\" name=\"" + xml(scope.getKey() + " [" + b.type() + "]") + "\">\n");
                    out.write("    <failure type=\"" + xml(b.type()) + "\" message=\"" + xml(b.headline()) + "\">");
                    out.write(xml(details(b)));
                    out.write("</failure>\n  </testcase>\n");
                }
            }
            for (String name : clean) {
                out.write("  <testcase classname=\"nplusone\" name=\"" + xml(name) + "\"/>\n");
            }
            out.write("</testsuite>\n");
        }
    }

    private static String details(Breach b) {
        if (b.finding() == null) {
            return b.headline();
        }
        StringBuilder text = new StringBuilder(b.finding().shape()).append('\n');
        for (String frame : b.finding().stack()) {
            text.append("    at ").append(frame).append('\n');
        }
        return text.toString();
    }

    private static String xml(String s) {
        return Markup.escape(s);
    }
}

package dev.nplusone.html;

import dev.nplusone.detect.CallStack;
import dev.nplusone.detect.Finding;
import dev.nplusone.gate.Check;
import dev.nplusone.gate.SourceFiles;
import dev.nplusone.report.JsonReport;
import dev.nplusone.report.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page made from reports the agent's own writer wrote: findings merged by the baseline's
 * identity, every report string escaped, source lines, and the commands that write it. In a real
 * browser: browser-tests.
 */
class HtmlReportTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private Path report(String name, String scope, String shape, String location, int repetitions) throws Exception {
        Registry registry = new Registry();
        registry.scopeClosed("http", scope, repetitions + 1);
        registry.add(new Finding(Finding.Type.N_PLUS_ONE, List.of(scope), shape, repetitions,
                new CallStack(List.of(location, "com.acme.Web.handle(Web.java:10)"), true), "select * from orders", 2_000_000, null,
                null, "select the rows for all parents at once"));
        Path file = dir.resolve("reports").resolve(name);
        JsonReport.write(registry, 3, file);
        return file;
    }

    private String page(List<Path> inputs, SourceFiles sources) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, inputs, sources, "test");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void findingsOfOneIdentityAreOneRowThatNamesEachReport() throws Exception {
        String shape = "select * from line where order_id = ?";
        report("a.json", "GET /orders", shape, "com.acme.Orders.lines(Orders.java:42)", 4);
        // the same method, its line moved: the same finding, as a baseline sees it
        report("b.json", "GET /orders", shape, "com.acme.Orders.lines(Orders.java:45)", 9);
        // another method: another finding
        report("c.json", "GET /orders", shape, "com.acme.Orders.others(Orders.java:80)", 3);

        ReportSet set = ReportSet.read(List.of(dir.resolve("reports")));
        assertEquals(2, set.findings().size());
        MergedFinding merged = set.findings().get(0);
        assertEquals(9, merged.repetitions(), "the most in one scope instance, over the reports");
        assertEquals(2, merged.occurrences());
        assertEquals(List.of(0, 1), List.copyOf(merged.reports()));
        assertEquals("a.json", set.name(0));

        String page = page(List.of(dir.resolve("reports")), null);
        assertEquals(2, count(page, "<tr class=\"finding\""));
        assertTrue(page.contains("2 of 3 reports"), page);
        assertTrue(page.contains("<a href=\"#report-2\">b.json</a>"), page);
        assertTrue(page.contains("<article class=\"report\" id=\"report-3\">"), page);
    }

    @Test
    void everyStringFromAReportIsEscaped() throws Exception {
        String attack = "</script><img src=x onerror=alert(1)>\"'&<!--";
        report("a.json", "GET /" + attack, "select '" + attack + "' from t where id = ?", "com.acme.Orders.lines(Orders.java:42)", 4);

        String page = page(List.of(dir.resolve("reports")), null);
        assertFalse(page.contains("<img"), "no element from the report");
        assertFalse(page.contains("<!--"), "no comment from the report");
        assertEquals(1, count(page, "<script"), "the page's own script only");
        assertEquals(1, count(page, "</script>"));
        assertTrue(page.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;!--"), page);
        // The policy allows nothing to be fetched, and only the page's own style and script.
        Matcher policy = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(page);
        assertTrue(policy.find(), page);
        assertTrue(policy.group(1).startsWith("default-src 'none'; style-src 'sha256-"), policy.group(1));
        assertFalse(policy.group(1).contains("unsafe-inline"), policy.group(1));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), "no address outside the page");
    }

    @Test
    void theLinesAroundTheLocationComeFromTheSourceRoots() throws Exception {
        Path root = Files.createDirectories(dir.resolve("src/main/java/com/acme")).getParent().getParent();
        StringBuilder source = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            source.append(i == 42 ? "        for (Order o : orders) lines.add(dao.lines(o)); // a < b && c" : "        // line " + i).append('\n');
        }
        Files.writeString(root.resolve("com/acme/Orders.java"), source);
        report("a.json", "GET /orders", "select * from line where order_id = ?", "com.acme.Orders$Inner.lines(Orders.java:42)", 4);

        String page = page(List.of(dir.resolve("reports")), new SourceFiles(Paths.get(""), List.of(root)));
        assertTrue(page.contains("<mark class=\"at\">42          for (Order o : orders) lines.add(dao.lines(o)); // a &lt; b &amp;&amp; c</mark>"),
                page);
        assertTrue(page.contains("<span>38          // line 38</span>") && page.contains("<span>46          // line 46</span>"), page);
        assertFalse(page.contains("// line 37") || page.contains("// line 47"), "four lines either side");

        assertFalse(page(List.of(dir.resolve("reports")), null).contains("<pre class=\"source\">"), "no sources given, no lines");
    }

    @Test
    void theHtmlCommandWritesThePageAndSaysWhatItHolds() throws Exception {
        report("a.json", "GET /orders", "select * from line where order_id = ?", "com.acme.Orders.lines(Orders.java:42)", 4);
        Path file = dir.resolve("out/report.html");
        assertEquals(0, new HtmlCommand(out, "test").run(List.of(dir.resolve("reports").toString(), "-o", file.toString())));
        assertEquals("nplusone html: 1 report, 1 finding; written to " + file.toAbsolutePath() + System.lineSeparator(),
                printed.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(file).contains("select * from line where order_id = ?"));

        IllegalArgumentException noOutput = assertThrows(IllegalArgumentException.class,
                () -> new HtmlCommand(out, "test").run(List.of(dir.resolve("reports").toString())));
        assertEquals(HtmlCommand.USAGE, noOutput.getMessage());
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> new HtmlCommand(out, "test").run(List.of(dir.resolve("reports").toString(), "-o", dir.resolve("r.json").toString())));
        assertTrue(json.getMessage().contains("name it *.html"), json.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new HtmlCommand(out, "test").run(List.of("--open", dir.resolve("reports").toString())));
        assertEquals("unknown html option '--open'; known: -o FILE, --sources DIR", unknown.getMessage());
    }

    @Test
    void theCheckWritesThePageWithHtml() throws Exception {
        report("a.json", "GET /orders", "select * from line where order_id = ?", "com.acme.Orders.lines(Orders.java:42)", 4);
        Path file = dir.resolve("check.html");
        Check check = new Check(out, "test", (page, inputs, sources) -> HtmlReport.write(page, inputs, sources, "test"));
        assertEquals(Check.BREACHED, check.run(List.of("--html=" + file, dir.resolve("reports").toString())));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("nplusone check: HTML written to " + file.toAbsolutePath()));
        assertTrue(Files.readString(file).contains("<tr class=\"finding\" id=\"finding-1\""));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

package dev.nplusone.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.nplusone.browser.app.ShopApp;
import dev.nplusone.testkit.BuildProperties;
import dev.nplusone.testkit.JvmLauncher;
import dev.nplusone.testkit.JvmResult;
import dev.nplusone.testkit.ReportJson;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report in a real headless Chromium. Two forks of a real application run under the agent
 * and write their reports; {@code java -jar nplusone-agent.jar html} makes the page of both, and the
 * browser sorts it, expands a finding, draws the scope bars, follows a link to a report's summary,
 * and fetches nothing. A report whose SQL carries markup shows it as text and runs none of it.
 */
class HtmlReportIT {

    static final Path AGENT_JAR = BuildProperties.path("nplusone.it.agentJar");
    static final List<Path> APP_CLASSPATH = BuildProperties.classpath("nplusone.it.classpath");
    static final Path WORK = JvmLauncher.workRoot().resolve("html");
    static final SourceLine LOOP = SourceLine.of(ShopApp.class, "// N+1: lines of each order");

    static Path reports;
    static Path page;
    static ReportJson full;
    static ChromeDriver browser;
    /** Requests that reached a local server the hostile report names; there must be none. */
    static final List<String> trapped = new CopyOnWriteArrayList<>();
    static HttpServer trap;
    /** Why no browser can run here; null when one can. */
    static String noBrowser;

    @BeforeAll
    static void runTheApplicationAndMakeThePage() throws IOException {
        reports = fresh(WORK.resolve("reports"));
        String perFork = "report=" + reports.resolve("nplusone-%p.json");
        JvmLauncher.named("shop-all").classpath(APP_CLASSPATH).mainClass(ShopApp.class.getName()).agent(AGENT_JAR, perFork)
                .args("all").run().assertCleanRun();
        JvmLauncher.named("shop-orders").classpath(APP_CLASSPATH).mainClass(ShopApp.class.getName()).agent(AGENT_JAR, perFork)
                .args("orders").run().assertCleanRun();
        List<Path> written;
        try (var files = Files.list(reports)) {
            written = files.sorted().collect(Collectors.toList());
        }
        assertEquals(2, written.size(), "one report per fork: " + written);
        full = written.stream().map(ReportJson::read).max(Comparator.comparingInt(r -> r.findings().size())).orElseThrow();
        assertEquals(3, full.findings().size(), () -> "N+1, duplicate and batchable in " + full.file());

        page = WORK.resolve("report.html");
        JvmResult html = html(reports.toString(), "-o", page.toString(), "--sources", SourceLine.testSources().toString());
        assertEquals("nplusone html: 2 reports, 3 findings; written to " + page, html.stdout().get(0), html::describe);

        noBrowser = Browser.missing().orElse(null);
        if (noBrowser != null) {
            System.err.println("HtmlReportIT: every browser test is skipped: " + noBrowser);
            return;
        }
        trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        trap.createContext("/", exchange -> {
            trapped.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        trap.start();
        browser = Browser.start(WORK);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (trap != null) {
            trap.stop(0);
        }
    }

    @BeforeEach
    void openThePage() {
        Assumptions.assumeTrue(noBrowser == null, () -> "skipped: " + noBrowser);
        requests(); // what earlier tests loaded
        browser.get(page.toUri().toString());
    }

    @Test
    void sortingByAColumnReordersTheFindingsAndKeepsEachDetailUnderItsRow() {
        assertEquals(List.of("N+1", "duplicate", "batchable writes"), column("Type"), "worst type first, as written");

        header("Repetitions").click();
        List<Long> descending = numbers("Repetitions");
        assertEquals(descending.stream().sorted(Comparator.reverseOrder()).collect(Collectors.toList()), descending);
        assertEquals(List.of((long) ShopApp.ORDERS, 5L, 2L), descending);
        assertEquals("descending", header("Repetitions").getAttribute("aria-sort"));

        header("Repetitions").click();
        assertEquals(List.of(2L, 5L, (long) ShopApp.ORDERS), numbers("Repetitions"), "a second click turns the order around");
        assertEquals("ascending", header("Repetitions").getAttribute("aria-sort"));
        assertEquals("none", header("Type").getAttribute("aria-sort"));

        header("Scope").click();
        assertEquals(List.of(ShopApp.ORDERS_PAGE, ShopApp.REPORT, ShopApp.IMPORT), column("Scope"));

        List<WebElement> rows = browser.findElements(By.cssSelector("#findings-table tbody tr"));
        for (int i = 0; i < rows.size(); i += 2) {
            assertEquals(rows.get(i).getAttribute("id") + "-detail", rows.get(i + 1).getAttribute("id"), "a finding's detail follows it");
        }
    }

    @Test
    void aFindingExpandsToItsStackTriggerHintAndSourceLines() throws IOException {
        Map<String, Object> nPlusOne = full.findings("n_plus_one", ShopApp.ORDERS_PAGE).get(0);
        WebElement row = browser.findElement(By.cssSelector("tr.finding"));
        WebElement detail = browser.findElement(By.id(row.getAttribute("id") + "-detail"));
        assertFalse(detail.isDisplayed(), "details start folded");

        row.findElement(By.cssSelector("td.location")).click();
        assertTrue(detail.isDisplayed(), "a click on the row unfolds its details");
        assertEquals("true", row.findElement(By.cssSelector("button.toggle")).getAttribute("aria-expanded"));
        String stack = detail.findElement(By.cssSelector("pre.stack")).getText();
        assertTrue(stack.startsWith("at " + LOOP.frame("ordersPage")), stack);
        @SuppressWarnings("unchecked")
        List<String> frames = (List<String>) nPlusOne.get("stack");
        assertEquals(frames.size(), stack.split("\n").length, stack);
        assertEquals(nPlusOne.get("hint"), detail.findElement(By.cssSelector(".hint")).getText());
        assertEquals(nPlusOne.get("trigger"), detail.findElement(By.cssSelector("pre.trigger")).getText());
        assertEquals(ShopApp.LINES_OF_ORDER, detail.findElement(By.cssSelector("pre.sql")).getText());
        String marked = detail.findElement(By.cssSelector("pre.source mark.at")).getText();
        assertTrue(marked.matches("\\s*" + LOOP.line() + "\\s+.*// N\\+1: lines of each order"), marked);
        assertTrue(detail.getText().contains("2 of 2 reports"), detail.getText());

        Files.write(WORK.resolve("report.png"), browser.getScreenshotAs(OutputType.BYTES)); // a test artifact, for a look
        row.findElement(By.cssSelector("button.toggle")).click();
        assertFalse(detail.isDisplayed(), "a second click folds it again");
    }

    @Test
    void eachScopeHasABarAsLongAsItsWorstInstanceWorstFirst() {
        List<WebElement> bars = browser.findElements(By.cssSelector("#scope-bars li"));
        assertEquals(full.scopes().size(), bars.size(), "one bar per scope name");
        long worst = Long.parseLong(bars.get(0).getAttribute("data-max"));
        double longest = bars.get(0).findElement(By.cssSelector("rect")).getRect().getWidth();
        assertTrue(longest > 300, "the worst scope's bar spans the column: " + longest + " px");
        long previous = Long.MAX_VALUE;
        for (WebElement bar : bars) {
            long max = Long.parseLong(bar.getAttribute("data-max"));
            assertTrue(max <= previous, "worst first");
            previous = max;
            double width = bar.findElement(By.cssSelector("rect")).getRect().getWidth();
            assertTrue(width > 0, "drawn");
            assertEquals((double) max / worst, width / longest, 0.02, "bar of " + bar.getText());
        }
    }

    @Test
    void aFindingLinksToTheReportsItAppearedInAndBack() {
        WebElement row = browser.findElement(By.cssSelector("tr.finding"));
        row.click();
        WebElement detail = browser.findElement(By.id(row.getAttribute("id") + "-detail"));
        List<WebElement> links = detail.findElements(By.cssSelector(".seen-in a"));
        assertEquals(2, links.size(), "the N+1 ran in both forks");
        String second = links.get(1).getText();
        links.get(1).click();
        WebElement report = browser.findElement(By.cssSelector("article.report:target"));
        assertEquals("report-2", report.getAttribute("id"));
        assertEquals(second, report.findElement(By.tagName("h3")).getText(), "the report's summary, under its name");
        assertTrue(report.findElement(By.cssSelector("[data-summary=statements] dd")).getText().matches("\\d+ \\(\\d+ outside any scope\\)"),
                report::getText);

        browser.findElement(By.cssSelector("#report-1 .report-findings a")).click();
        WebElement opened = browser.findElement(By.cssSelector("tr.finding.open"));
        assertTrue(browser.findElement(By.id(opened.getAttribute("id") + "-detail")).isDisplayed(), "the link opens the finding");
    }

    @Test
    void thePageFetchesNothing() {
        browser.findElements(By.cssSelector("tr.finding")).forEach(WebElement::click);
        Object resources = ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource').length");
        assertEquals(0L, resources, "resource timing entries");
        List<String> requested = requests();
        assertEquals(List.of(page.toUri().toString()), requested.stream().distinct().collect(Collectors.toList()),
                "the page is the only request");
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).collect(Collectors.toList());
        assertEquals(List.of(), errors, "console errors (a style or script refused by the page's own policy would be one)");
    }

    @Test
    void markupInAReportIsShownAsTextAndRunsNothing() throws IOException {
        String url = "http://127.0.0.1:" + trap.getAddress().getPort() + "/";
        String hostile = "select 1 from dual where x = '</script><img src=\"" + url + "img\" onerror=\"document.title='pwned'\">"
                + "<script>document.title='pwned'</script><a href=\"javascript:alert(1)\" style=\"background:url(" + url + "css)\">'";
        String json = Files.readString(full.file(), StandardCharsets.UTF_8);
        String shape = new ObjectMapper().writeValueAsString(full.findings().get(0).get("shape"));
        assertTrue(json.contains(shape), shape);
        Path dir = fresh(WORK.resolve("hostile"));
        Files.writeString(dir.resolve("report.json"), json.replace(shape, new ObjectMapper().writeValueAsString(hostile)));
        Path hostilePage = WORK.resolve("hostile.html");
        html(dir.toString(), "-o", hostilePage.toString()).assertCleanRun();

        requests();
        browser.get(hostilePage.toUri().toString());
        browser.findElement(By.cssSelector("tr.finding")).click();
        assertEquals("nplusone report", browser.getTitle(), "no injected script ran");
        assertEquals(0, browser.findElements(By.cssSelector("#findings img, #findings script, #findings a[href^='javascript']")).size());
        assertEquals(hostile, browser.findElement(By.cssSelector("tr.detail pre.sql")).getText(), "shown as text, whole");
        assertEquals(List.of(), trapped, "requests to the address in the report");
        assertEquals(List.of(hostilePage.toUri().toString()), requests().stream().distinct().collect(Collectors.toList()));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static WebElement header(String name) {
        for (WebElement th : browser.findElements(By.cssSelector("#findings-table thead th"))) {
            if (th.getText().replaceAll("[\\u25B2\\u25BC]", "").trim().equals(name)) {
                return th;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static List<String> column(String name) {
        int index = browser.findElements(By.cssSelector("#findings-table thead th")).indexOf(header(name));
        List<String> values = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#findings-table tr.finding"))) {
            values.add(row.findElements(By.tagName("td")).get(index).getText());
        }
        return values;
    }

    private static List<Long> numbers(String name) {
        return column(name).stream().map(Long::parseLong).collect(Collectors.toList());
    }

    /** The URLs the browser requested since the last call, from its performance log (the DevTools Network domain). */
    private static List<String> requests() {
        ObjectMapper json = new ObjectMapper();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = json.readTree(entry.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    urls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new AssertionError("unreadable performance log entry: " + entry.getMessage(), e);
            }
        }
        return urls;
    }

    private static JvmResult html(String... args) {
        List<String> all = new ArrayList<>(List.of("html"));
        all.addAll(List.of(args));
        return JvmLauncher.named("html-" + System.nanoTime()).jar(AGENT_JAR).args(all.toArray(new String[0])).run().assertCleanRun();
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}

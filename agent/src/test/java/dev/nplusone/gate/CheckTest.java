package dev.nplusone.gate;

import dev.nplusone.detect.CallStack;
import dev.nplusone.detect.Finding;
import dev.nplusone.report.JsonReport;
import dev.nplusone.report.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check command on reports the agent's own writer wrote: exit codes, what it prints, what it writes. */
class CheckTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Check check = new Check(new PrintStream(printed, true, StandardCharsets.UTF_8), "test");

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** One fork's report: an N+1 in one test, a duplicate and batchable writes in another. */
    private Path report(String name, int repetitions) throws Exception {
        Registry registry = new Registry();
        registry.scopeClosed("test", "com.acme.OrderTest#lists", 1 + repetitions);
        registry.scopeClosed("test", "com.acme.OrderTest#saves", 8);
        registry.add(new Finding(Finding.Type.N_PLUS_ONE, List.of("com.acme.OrderTest#lists"), "select * from line where order_id = ?",
                repetitions, new CallStack(List.of("com.acme.Orders.lines(Orders.java:42)"), true), "select * from orders", 1_000_000,
                null, null, "select the rows for all parents at once"));
        registry.add(new Finding(Finding.Type.DUPLICATE, List.of("com.acme.OrderTest#saves"), "select * from customer where id = ?", 2,
                List.of("com.acme.Orders.customer(Orders.java:60)"), null, 0, null));
        registry.add(new Finding(Finding.Type.BATCHABLE, List.of("com.acme.OrderTest#saves"), "insert into line (order_id) values (?)", 5,
                new CallStack(List.of("com.acme.Orders.save(Orders.java:77)"), true), null, 0, null, null, "one JDBC batch"));
        Path file = dir.resolve("reports").resolve(name);
        JsonReport.write(registry, 3, file);
        return file;
    }

    private int run(String... args) throws Exception {
        return check.run(List.of(args));
    }

    @Test
    void anNPlusOneFailsAndWhatDoesNotFailIsListed() throws Exception {
        report("nplusone-1.json", 4);
        report("nplusone-2.json", 6);
        assertEquals(Check.BREACHED, run(dir.resolve("reports").toString()));
        String out = output();
        assertTrue(out.contains("2 reports"), out);
        assertTrue(out.contains("com.acme.Orders.lines(Orders.java:42)"), out);
        assertTrue(out.contains("2 that do not fail the build"), out);
        assertTrue(out.contains("com.acme.Orders.customer(Orders.java:60)") && out.contains("com.acme.Orders.save(Orders.java:77)"), out);
    }

    @Test
    void thresholdsDecideWhatFails() throws Exception {
        report("nplusone-1.json", 4);
        assertEquals(Check.CLEAN, run("fail-on-n-plus-one=false", dir.resolve("reports").toString()), this::output);
        assertEquals(Check.BREACHED, run("fail-on-n-plus-one=false", "fail-on-batchable=true", dir.resolve("reports").toString()));
        assertTrue(output().contains("batchable"), this::output);
    }

    @Test
    void aBaselineKeepsTodaysFindingsAndCatchesNewOnes() throws Exception {
        report("nplusone-1.json", 4);
        Path baseline = dir.resolve("baseline.json");
        assertEquals(Check.CLEAN, run("--write-baseline=" + baseline, dir.resolve("reports").toString()), this::output);
        assertTrue(Files.exists(baseline));
        assertEquals(Check.CLEAN, run("--baseline=" + baseline, dir.resolve("reports").toString()), this::output);
    }

    @Test
    void sarifAndJunitXmlAreWritten() throws Exception {
        report("nplusone-1.json", 4);
        Path sarif = dir.resolve("out/nplusone.sarif");
        Path junit = dir.resolve("out/TEST-nplusone.xml");
        run("--sarif=" + sarif, "--junit-xml=" + junit, dir.resolve("reports").toString());
        String log = Files.readString(sarif);
        assertTrue(log.contains("\"version\": \"2.1.0\"") && log.contains("n_plus_one"), log);
        assertTrue(log.contains("Time in the database"), "every field of the finding reaches the SARIF message: " + log);
        assertTrue(Files.readString(junit).contains("<testsuite"), () -> junit.toString());
    }

    @Test
    void anUnreadableReportIsBadInputNamingTheFile() throws Exception {
        Path broken = dir.resolve("reports/nplusone-9.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{\"version\": 1, \"summary\": {");
        UnreadableReport e = assertThrows(UnreadableReport.class, () -> run(dir.resolve("reports").toString()));
        assertTrue(e.getMessage().contains("nplusone-9.json"), e.getMessage());
        List<String> unknown = new ArrayList<>(List.of("--colour=red", dir.toString()));
        assertThrows(IllegalArgumentException.class, () -> check.run(unknown));
    }
}

package dev.nplusone.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportJsonTest {

    static final String REPORT = """
            {
              "version": 1,
              "pid": 42,
              "scopes": [
                {"name": "GET /a", "kind": "http", "instances": 2, "statements": {"total": 9, "max": 5}},
                {"name": "job", "kind": "manual", "instances": 1, "statements": {"total": 1, "max": 1}}
              ],
              "findings": [
                {"type": "n_plus_one", "scope": "GET /a", "shape": "select b from t where id = ?", "repetitions": 4, "new": "ignored"},
                {"type": "duplicate", "scope": "GET /a", "shape": "select 1", "repetitions": 2}
              ]
            }
            """;

    record View(long pid, List<Finding> findings) {
        record Finding(String type, String shape, int repetitions) {
        }
    }

    @TempDir
    Path dir;

    @Test
    void theReportIsMapsAndListsNamedByItsFields() throws IOException {
        ReportJson report = ReportJson.read(Files.writeString(dir.resolve("report.json"), REPORT));
        assertEquals(List.of("GET /a", "job"), report.scopeNames());
        assertEquals(2, report.scope("GET /a").get("instances"));
        assertEquals(1, report.findings("n_plus_one", "GET /a").size());
        assertEquals(List.of(), report.findings("n_plus_one", "job"));
        assertThrows(AssertionError.class, () -> report.scope("GET /b"));
    }

    @Test
    void aModuleBindsItToItsOwnRecordsIgnoringFieldsTheyDoNotName() throws IOException {
        View view = ReportJson.read(Files.writeString(dir.resolve("report.json"), REPORT)).as(View.class);
        assertEquals(42, view.pid());
        assertEquals(new View.Finding("n_plus_one", "select b from t where id = ?", 4), view.findings().get(0));
    }

    @Test
    void noReportFailsTheTest() {
        assertThrows(AssertionFailedError.class, () -> ReportJson.read(dir.resolve("missing.json")));
    }
}

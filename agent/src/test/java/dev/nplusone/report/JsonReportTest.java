package dev.nplusone.report;

import dev.nplusone.failure.Failures;
import dev.nplusone.json.JsonReader;

import dev.nplusone.orm.Association;
import dev.nplusone.detect.Attribution;
import dev.nplusone.detect.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportTest {

    @Test
    void writesTheContractFieldsAtomically(@TempDir Path dir) throws Exception {
        Registry registry = new Registry();
        for (int i = 0; i < 12; i++) {
            registry.statement(true);
        }
        registry.statement(false);
        registry.scopeClosed("serialization", "serialize ArrayList", 10);
        registry.scopeClosed("http", "GET /events", 12);
        Finding finding = new Finding(Finding.Type.N_PLUS_ONE, List.of("GET /events", "serialize ArrayList"),
                "select * from attendee where event_id = ?", 10, List.of("a.B.c(B.java:4)", "a.D.e(D.java:9)"),
                "select * from \"event\"", 3_000_000, null);
        registry.add(finding);
        registry.add(finding);

        Path target = dir.resolve("sub/report.json");
        JsonReport.write(registry, 3, target);

        String json = Files.readString(target);
        assertTrue(json.contains("\"version\": 1"), json);
        assertTrue(json.contains("\"summary\": {\n    \"scopes\": 2,\n    \"scopeInstances\": 2,\n    \"statements\": 13,\n    \"unscoped\": 1,\n    \"findings\": 1,\n    \"cappedScopeInstances\": 0,\n    \"agentErrors\": "
                + Failures.count() + "\n  }"), json);
        assertTrue(json.contains("\"name\": \"GET /events\",\n      \"kind\": \"http\",\n      \"instances\": 1,\n      \"statements\": {\n        \"total\": 12,\n        \"max\": 12\n      }"), json);
        assertTrue(json.contains("\"type\": \"n_plus_one\""), json);
        assertTrue(json.contains("\"path\": [\n        \"GET /events\",\n        \"serialize ArrayList\"\n      ]"), json);
        assertTrue(json.contains("\"repetitions\": 10,\n      \"occurrences\": 2,\n      \"totalRepetitions\": 20,\n      \"location\": \"a.B.c(B.java:4)\",\n      \"locationKind\": \"application\""), json);
        assertTrue(json.contains("\"trigger\": \"select * from \\\"event\\\"\""), json);
        assertTrue(json.contains("\"timeMillis\": 6"), json);
        assertTrue(!json.contains("parameters"), "no parameter values unless asked for");
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    /** The optional fields of a finding, written under their contract names and read back by the report reader. */
    @Test
    void attributionAndHintRoundTripThroughTheReader() throws Exception {
        Registry registry = new Registry();
        Association organization = new Association("com.acme.Attendee", "organization", Association.Kind.MANY_TO_ONE,
                "com.acme.Organization", java.util.Set.of("com.acme.Organization"), List.of());
        registry.add(new Finding(Finding.Type.N_PLUS_ONE, List.of("GET /events"), "select * from organization where id = ?", 6,
                new dev.nplusone.detect.CallStack(List.of("a.B.c(B.java:4)"), true), "select * from attendee where event_id = ?", 1_000_000, null,
                new Attribution(organization, "$[*].attendees[*].organization"), "fetch Attendee.organization with ..."));
        registry.add(new Finding(Finding.Type.N_PLUS_ONE, List.of("GET /parents"), "select * from child where parent_id = ?", 4,
                new dev.nplusone.detect.CallStack(List.of("com.zaxxer.hikari.pool.ProxyStatement.executeQuery(ProxyStatement.java:52)"), false),
                null, 1_000_000, null, null, null));
        java.io.StringWriter out = new java.io.StringWriter();
        JsonReport.write(registry, 3, out);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) ((Map<String, Object>) JsonReader.parse(out.toString())).get("findings");
        Map<String, Object> orm = findings.get(0);
        assertEquals("com.acme.Attendee.organization", orm.get("association"));
        assertEquals("many-to-one", orm.get("associationKind"));
        assertEquals("$[*].attendees[*].organization", orm.get("jsonPath"));
        assertEquals("fetch Attendee.organization with ...", orm.get("hint"));
        assertEquals("select * from attendee where event_id = ?", orm.get("trigger"));
        assertEquals("application", orm.get("locationKind"));
        Map<String, Object> plain = findings.get(1);
        assertEquals("framework", plain.get("locationKind"), "a stack without application frames says so");
        for (String optional : List.of("association", "associationKind", "jsonPath", "hint", "trigger")) {
            assertFalse(plain.containsKey(optional), () -> optional + " is left out, not null: " + plain);
        }
    }

    /** SQL text is the application's: quotes, escapes, control characters and broken UTF-16 all come back as they went in. */
    @Test
    void sqlTextIsEscapedAndReadBackExactly(@TempDir Path dir) throws Exception {
        String hostile = "select \"a\\b\" from t where x = '</script><b>' -- \u0000\u0001\u001f\u007f\t\r\n"
                + "\u2028\u2029 \ud83d\ude00 \ud800 lone \udc00 end \\u0041 \"}], {\"";
        Registry registry = new Registry();
        registry.scopeClosed("http", "GET /" + hostile, 3);
        registry.add(new Finding(Finding.Type.N_PLUS_ONE, List.of("GET /" + hostile), hostile, 3, List.of("a.B.c(B.java:4)"), hostile, 0, null));
        Path target = dir.resolve("report.json");
        JsonReport.write(registry, 3, target);

        byte[] bytes = Files.readAllBytes(target);
        String json = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString(); // valid UTF-8
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertFalse(c < 0x20 && c != '\n' || c == 0x7f || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !json.contains("\ud83d\ude00"),
                    () -> "a raw control, separator or broken character in " + json);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) JsonReader.parse(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> finding = ((List<Map<String, Object>>) report.get("findings")).get(0);
        assertEquals(hostile, finding.get("shape"));
        assertEquals(hostile, finding.get("trigger"));
        assertEquals(List.of("GET /" + hostile), finding.get("path"));
        assertTrue(json.contains("\\ud800 lone \\udc00"), "an unpaired surrogate is written as an escape: " + json);
    }

    /** Parameter values are personal data: a report holding them is its owner's only; any other as the umask says. */
    @Test
    void aReportWithParameterValuesIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path asUmaskSays = Files.createFile(dir.resolve("probe"));
        Registry plain = new Registry();
        plain.add(new Finding(Finding.Type.DUPLICATE, List.of("s"), "select ?", 2, List.of("a.B.c(B.java:1)"), null, 0, null));
        Path plainReport = dir.resolve("plain.json");
        JsonReport.write(plain, 3, plainReport);
        assertEquals(Files.getPosixFilePermissions(asUmaskSays), Files.getPosixFilePermissions(plainReport));

        Registry withValues = new Registry();
        withValues.add(new Finding(Finding.Type.DUPLICATE, List.of("s"), "select ?", 2, List.of("a.B.c(B.java:1)"), null, 0, "['x']"));
        Path secret = dir.resolve("secret.json");
        JsonReport.write(withValues, 3, secret);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        JsonReport.write(withValues, 3, plainReport); // over a report that was not: replaced, not rewritten in place
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(plainReport)));
    }

    @Test
    void emptyRegistryIsValid() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        JsonReport.write(new Registry(), 3, out);
        assertTrue(out.toString().contains("\"scopes\": [],\n  \"findings\": []"), out.toString());
    }
}

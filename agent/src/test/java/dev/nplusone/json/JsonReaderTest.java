package dev.nplusone.json;

import dev.nplusone.report.JsonReport;
import dev.nplusone.report.Registry;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        Object value = JsonReader.parse("{\"a\": [1, -2.5e1, true, false, null], \"b\": {\"c\": \"x\\\"y\\u00e9\\n\"}, \"d\": []}");
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of(1L, -25.0, true, false), ((List<?>) map.get("a")).subList(0, 4));
        assertNull(((List<?>) map.get("a")).get(4));
        assertEquals("x\"y\u00e9\n", ((Map<?, ?>) map.get("b")).get("c"));
        assertEquals(List.of(), map.get("d"));
    }

    @Test
    void readsWhatTheReportWrites() throws Exception {
        StringWriter out = new StringWriter();
        JsonReport.write(new Registry(), 3, out);
        Map<?, ?> report = (Map<?, ?>) JsonReader.parse(out.toString());
        assertEquals(1L, report.get("version"));
        assertEquals(0L, ((Map<?, ?>) report.get("summary")).get("statements"));
    }

    @Test
    void namesWhereBrokenJsonBreaks() {
        assertEquals("unexpected end, expected '}' at offset 12",
                assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": [1, 2]")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": tru}")).getMessage()
                .endsWith("at offset 6"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1] 2")).getMessage()
                .startsWith("unexpected text after the end"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("\"open")).getMessage()
                .startsWith("unterminated string"));
    }
}

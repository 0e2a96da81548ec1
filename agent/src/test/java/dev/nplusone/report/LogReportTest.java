package dev.nplusone.report;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.nplusone.detect.CallStack;
import dev.nplusone.detect.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log blocks and lines, through a real logback context of its own, as the agent configures one. */
class LogReportTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final LogReport log;

    LogReportTest() {
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        log = new LogReport(context.getLogger("nplusone.findings"), context.getLogger("nplusone.summary"),
                context.getLogger("nplusone.statements"));
    }

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    @Test
    void aFindingIsABlockTheFirstTimeThenALineAtPowersOfTwo() {
        Registry registry = new Registry();
        Finding f = new Finding(Finding.Type.N_PLUS_ONE, List.of("GET /events"), "select * from attendee where event_id = ?", 10,
                List.of("com.acme.Mapper.toDto(Mapper.java:42)", "com.acme.Controller.list(Controller.java:9)"),
                "select * from event", 3_000_000, null);
        for (int i = 0; i < 5; i++) {
            registry.add(f, log::found);
        }
        List<String> messages = messages();
        assertEquals(3, messages.size(), messages::toString); // 1st, 2nd, 4th
        String block = messages.get(0);
        assertTrue(block.startsWith("N+1 query in GET /events: 10 executions of one statement shape from one call site"), block);
        assertTrue(block.contains("\n    location:    com.acme.Mapper.toDto(Mapper.java:42)"), block);
        assertTrue(block.contains("\n                 com.acme.Controller.list(Controller.java:9)"), block);
        assertTrue(block.contains("\n    after:       select * from event   <- likely loaded the parent rows"), block);
        assertTrue(messages.get(2).startsWith("N+1 query again in GET /events (seen in 4 scope instances"), messages.get(2));
    }

    @Test
    void aFindingWithoutApplicationFramesSaysSo() {
        Finding f = new Finding(Finding.Type.BATCHABLE, List.of("POST /talks"), "insert into attendee (name) values (?)", 6,
                new CallStack(List.of("com.zaxxer.hikari.pool.ProxyPreparedStatement.executeUpdate(ProxyPreparedStatement.java:61)"), false),
                null, 1_000_000, null, null, "send them as one JDBC batch");
        new Registry().add(f, log::found);
        String block = messages().get(0);
        assertTrue(block.startsWith("Batchable writes in POST /talks: 6 executions of one write from one call site, one at a time"), block);
        assertTrue(block.contains("<- no application frame on the stack"), block);
        assertTrue(block.contains("\n    hint:        send them as one JDBC batch"), block);
    }

    @Test
    void theSummaryListsScopesAndFindings() {
        Registry registry = new Registry();
        registry.scopeClosed("http", "GET /events", 21);
        registry.statement(false);
        registry.add(new Finding(Finding.Type.DUPLICATE, List.of("GET /events"), "select 1", 2, List.of("a.B.c(B.java:1)"), null, 0, null));
        log.summary(registry, 0);
        String summary = messages().get(0);
        assertEquals("summary: 1 statement (1 outside any scope) in 1 scope instance of 1 name; 1 finding", summary.lines().findFirst().get());
        assertTrue(summary.contains("GET /events"), summary);
        assertTrue(summary.contains("duplicate"), summary);
    }

    @Test
    void theSummaryCountsAgentErrorsAndListsNoScopeThatRanNoStatement() {
        Registry registry = new Registry();
        registry.scopeClosed("http", "GET /events", 3);
        registry.scopeClosed("http", "GET /events", 4);
        registry.scopeClosed("serialization", "serialize ArrayList", 0);
        log.summary(registry, 2);
        String summary = messages().get(0);
        assertEquals("summary: 0 statements (0 outside any scope) in 3 scope instances of 2 names; 0 findings;"
                + " 2 agent errors (caught; the application went on; see the warnings above)", summary.lines().findFirst().get());
        assertTrue(summary.contains("GET /events"), summary);
        assertFalse(summary.contains("serialize ArrayList"), summary);

        appender.list.clear();
        Registry idle = new Registry();
        idle.scopeClosed("serialization", "serialize ArrayList", 0);
        log.summary(idle, 0);
        assertEquals(List.of("summary: 0 statements (0 outside any scope) in 1 scope instance of 1 name; 0 findings"), messages());
    }
}

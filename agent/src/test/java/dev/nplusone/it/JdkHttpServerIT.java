package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.Report.Scope;
import dev.nplusone.it.apps.EventsServerApp;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static dev.nplusone.testkit.LogEntry.only;
import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests to the JDK's own HTTP server are scopes named {@code METHOD path}, with numeric path
 * segments as {@code {id}}, so that {@code /events/42} and {@code /events/43} aggregate. The
 * handlers are lambdas, which the agent cannot instrument; the server's filter chain opens the scope.
 */
class JdkHttpServerIT {

    static final String TICKET_COUNT = "select count(*) from ticket where event_id = ?";
    static final String ATTENDEE = "select name from attendee where ticket_id = ?";

    static final SourceLine IN_LAMBDA = SourceLine.of(EventsServerApp.class, "// N+1: ticket count per event, in the lambda");
    static final SourceLine PER_TICKET = SourceLine.of(EventsServerApp.class, "// N+1: attendee per ticket");
    static final SourceLine CALLS_ATTENDEES = SourceLine.of(EventsServerApp.class, "// calls attendees");

    static Result result;
    static Report report;

    @BeforeAll
    static void runApplication() {
        result = ChildJvm.of("jdk-http-server", EventsServerApp.class).withAgent("").run().assertCleanRun();
        report = result.report();
    }

    @Test
    void eachRouteIsOneScopeNameWithExactCounts() {
        assertEquals(List.of("done: 7 requests"), result.stdout());

        Scope list = report.scope("GET /events");
        assertEquals("http", list.kind());
        assertEquals(4, list.instances());
        assertEquals(4 * (1 + 3), list.statements().total(), "four requests, each: the events, then 3 ticket counts");
        assertEquals(1 + 3, list.statements().max());

        Scope one = report.scope("GET /events/{id}");
        assertEquals("http", one.kind());
        assertEquals(2, one.instances(), "/events/42 and /events/43 are one route");
        assertEquals((1 + 1 + 3) + (1 + 1 + 4), one.statements().total(), "event, tickets, then one attendee query per ticket");
        assertEquals(1 + 1 + 4, one.statements().max());

        Scope health = report.scope("GET /health");
        assertEquals(1, health.instances());
        assertEquals(1, health.statements().total());

        assertEquals(3, report.summary().scopes());
        assertEquals(7, report.summary().scopeInstances());
        assertEquals(EventsServerApp.SETUP.length + 16 + 11 + 1, report.summary().statements());
        assertEquals(EventsServerApp.SETUP.length, report.summary().unscoped());
    }

    @Test
    void findsTheNPlusOneInTheHandlerLambda() {
        report.assertFindings(
                triple("n_plus_one", "GET /events", TICKET_COUNT),
                triple("n_plus_one", "GET /events/{id}", ATTENDEE));

        Finding f = report.finding("n_plus_one", "GET /events", TICKET_COUNT);
        assertEquals(List.of("GET /events"), f.path());
        assertEquals(3, f.repetitions(), "three events: exactly the threshold");
        assertEquals(4, f.occurrences());
        assertEquals(12, f.totalRepetitions());
        IN_LAMBDA.assertIsFrame(f.location());
        assertEquals(List.of(f.location()), f.stack(), "the server's frames are not the application's");
        assertEquals("select id, title from event order by id", f.trigger());
    }

    @Test
    void aggregatesTheNPlusOneOverRequestsToOneRoute() {
        Finding f = report.finding("n_plus_one", "GET /events/{id}", ATTENDEE);
        assertEquals(List.of("GET /events/{id}"), f.path());
        assertEquals(4, f.repetitions(), "the most in one request: event 43's four tickets");
        assertEquals(2, f.occurrences());
        assertEquals(3 + 4, f.totalRepetitions());
        assertEquals(PER_TICKET.frame("attendees"), f.location());
        assertEquals(2, f.stack().size(), f.stack()::toString);
        assertEquals(PER_TICKET.frame("attendees"), f.stack().get(0));
        CALLS_ATTENDEES.assertIsFrame(f.stack().get(1));
        assertEquals("select id from ticket where event_id = ? order by id", f.trigger());
    }

    @Test
    void logsABlockTheFirstTimeThenOneLineAtTheSecondAndFourthInstance() {
        List<LogEntry> log = result.log();

        LogEntry first = only(log, "nplusone.findings", "N+1 query in GET /events: ");
        assertEquals("N+1 query in GET /events: 3 executions of one statement shape from one call site", first.message());
        assertEquals(TICKET_COUNT, first.field("shape"));
        List<LogEntry> again = log.stream().filter(e -> e.message().startsWith("N+1 query again in GET /events ")).collect(Collectors.toList());
        assertEquals(2, again.size(), () -> "at the 2nd and 4th request, not the 3rd: " + again);
        assertTrue(again.get(0).message().startsWith("N+1 query again in GET /events (seen in 2 scope instances, up to 3 executions): "),
                again::toString);
        assertTrue(again.get(1).message().startsWith("N+1 query again in GET /events (seen in 4 scope instances, up to 3 executions): "),
                again::toString);
        assertEquals("WARN", again.get(0).level());
        assertTrue(again.get(0).more().isEmpty(), "one line only");
        IN_LAMBDA.assertIsFrame(again.get(0).message().substring(again.get(0).message().lastIndexOf(": ") + 2));

        LogEntry byId = only(log, "nplusone.findings", "N+1 query in GET /events/{id}: ");
        assertEquals("N+1 query in GET /events/{id}: 3 executions of one statement shape from one call site", byId.message(),
                "the first request, /events/42, had 3 tickets");
        assertEquals("N+1 query again in GET /events/{id} (seen in 2 scope instances, up to 4 executions): "
                        + PER_TICKET.frame("attendees"),
                only(log, "nplusone.findings", "N+1 query again in GET /events/{id} ").message());

        assertEquals("summary: 34 statements (6 outside any scope) in 7 scope instances of 3 names; 2 findings",
                only(log, "nplusone.summary", "summary: ").message());
    }
}

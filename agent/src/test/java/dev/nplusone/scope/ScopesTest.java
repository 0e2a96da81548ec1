package dev.nplusone.scope;

import dev.nplusone.detect.Attributor;
import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.Finding;
import dev.nplusone.detect.FrameFilter;
import dev.nplusone.detect.ScopeStatements;
import dev.nplusone.shape.Shapes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-thread stack of scopes, with the rules behind it and a sink that records what they send. */
class ScopesTest {

    private final RecordingSink sink = new RecordingSink(true);
    private final CallSites callSites = new CallSites(new FrameFilter(List.of(ScopesTest.class.getName()), null));
    private final Scopes scopes = new Scopes(new ThreadStates(), new Shapes(100),
            () -> new ScopeStatements(callSites, 3, Attributor.NONE), sink);

    private void select(long id) {
        scopes.statement(scopes.thread(), "SELECT name FROM child WHERE parent_id = " + id, id, 1_000, null); // the loop's line
    }

    @Test
    void aStatementCountsInEveryOpenScopeAndIsDetectedInTheOutermost() {
        Object request = scopes.openHttp("GET", "/parents/7");
        Object serialization = scopes.openSerialization(List.of());
        for (long id = 1; id <= 4; id++) {
            select(id);
        }
        Scopes.Closed inner = scopes.close(serialization, null);
        Scopes.Closed outer = scopes.close(request, "/parents/{id}");

        assertEquals(4, inner.statements);
        assertNull(inner.findings, "a nested scope's statements are judged with the outermost");
        assertEquals(List.of("serialization serialize List 4", "http GET /parents/{id} 4"), sink.closed);
        assertEquals(1, outer.findings.size());
        Finding f = outer.findings.get(0);
        assertEquals(Finding.Type.N_PLUS_ONE, f.type());
        assertEquals(List.of("GET /parents/{id}", "serialize List"), f.path(), "the route template renames the request");
        assertTrue(f.location().startsWith(ScopesTest.class.getName() + ".select("), f.location());
        assertEquals(outer.findings, sink.findings);
        assertEquals(4, sink.inScope);
        assertEquals("GET /parents/{id} > serialize List: select name from child where parent_id = ?", sink.shapes.get(0));
    }

    @Test
    void outsideAnyScopeAStatementIsOnlyCounted() {
        assertTrue(!scopes.thread().inScope());
        scopes.unscoped();
        assertEquals(1, sink.outside);
        assertEquals(List.of(), sink.closed);
    }

    @Test
    void aRequestWithinARequestIsTheSameRequest() {
        Object request = scopes.openHttp("GET", "/a");
        assertNull(scopes.openHttp("GET", "/forwarded"), "forwards, includes and filters add no scope");
        assertNull(scopes.open("http", "GET /a"), "the same kind and name, innermost: one unit of work");
        assertNotNull(scopes.open("manual", "import"), "another kind nests");
        scopes.close(request, null);
        assertEquals(List.of("manual import 0", "http GET /a 0"), sink.closed, "closing a scope closes what was left open in it");
        assertTrue(!scopes.thread().inScope());
    }

    @Test
    void anyWordIsAKindAndOnlyWordsAre() {
        Object job = scopes.open("job", "DigestJob.send");
        assertSame(Kind.of("job"), Kind.of("JOB"));
        scopes.close(job, null);
        assertEquals(List.of("job DigestJob.send 0"), sink.closed);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Kind.of("two words"));
    }

    @Test
    void aScopeClosedOnAnotherThreadIsNotClosedThere() throws Exception {
        Object request = scopes.openHttp("GET", "/a");
        Scopes.Closed elsewhere = CompletableFuture.supplyAsync(() -> scopes.close(request, null)).get();
        assertNull(elsewhere);
        assertTrue(scopes.thread().inScope(), "still open on the thread that opened it");
        assertNotNull(scopes.close(request, null));
    }

    @Test
    void aTokenThatIsNoScopeClosesNothing() {
        assertNull(scopes.close(null, null));
        assertNull(scopes.close("not a scope", null));
    }
}

package dev.nplusone.scope;

import dev.nplusone.detect.Attributor;
import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.Finding;
import dev.nplusone.detect.FrameFilter;
import dev.nplusone.detect.ScopeStatements;
import dev.nplusone.detect.Submission;
import dev.nplusone.shape.Shapes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scope handed to other threads: entered around a task, the thread's own state put back, late statements, exact counts. */
class HandoffTest {

    private final RecordingSink sink = new RecordingSink(false);
    private final CallSites callSites = new CallSites(new FrameFilter(List.of(HandoffTest.class.getName()), null));
    private final ThreadStates threads = new ThreadStates();
    private final Scopes scopes = new Scopes(threads, new Shapes(100), () -> new ScopeStatements(callSites, 3, Attributor.NONE), sink);

    private void select(long id) {
        scopes.statement(scopes.thread(), "SELECT name FROM child WHERE parent_id = " + id, id, 1_000, null);
    }

    private Handoff handoff() {
        ThreadState t = scopes.thread();
        return scopes.handoff(t, Submission.here(callSites, t.origin()));
    }

    /** Runs on a thread of its own, as a pool would. */
    private static void onAnotherThread(Runnable task) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread thread = new Thread(task);
        thread.setUncaughtExceptionHandler((t, e) -> failed.set(e));
        thread.start();
        thread.join();
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
    }

    @Test
    void aTaskRunsInTheScopeItWasHandedAndTheThreadGetsItsOwnStateBack() throws Exception {
        Object request = scopes.openHttp("GET", "/parents");
        select(0);
        Handoff handoff = handoff();
        onAnotherThread(() -> {
            Object own = scopes.open("job", "worker's own");
            Handoff previous = scopes.enter(handoff);
            for (long id = 1; id <= 4; id++) {
                select(id);
            }
            scopes.restore(previous);
            select(99); // the worker's own statement, in its own scope
            scopes.close(own, null);
        });
        Scopes.Closed closed = scopes.close(request, null);

        assertEquals(5, closed.statements, "the request's own statement and the task's four");
        assertEquals(List.of("job worker's own 1", "http GET /parents 5"), sink.closed);
        assertEquals(1, closed.findings.size());
        Finding f = closed.findings.get(0);
        assertEquals(4, f.repetitions());
        assertTrue(f.stack().get(1).contains("lambda$"), () -> "the task's own frames first: " + f.stack());
        assertTrue(f.stack().stream().anyMatch(frame -> frame.contains(".handoff(")), () -> "then where it was handed: " + f.stack());
    }

    @Test
    void statementsAfterTheScopeClosedAreLateInItAndNothingElse() throws Exception {
        Object request = scopes.openHttp("GET", "/parents");
        Handoff handoff = handoff();
        scopes.close(request, null);
        onAnotherThread(() -> {
            Handoff previous = scopes.enter(handoff);
            select(1);
            select(2);
            scopes.restore(previous);
            assertFalse(scopes.thread().inScope());
        });
        assertEquals(List.of("http GET /parents 0"), sink.closed);
        assertEquals(List.of("http GET /parents", "http GET /parents"), sink.late);
        assertEquals(List.of(), sink.findings);
    }

    @Test
    void countsStayExactWhenManyThreadsShareAScope() throws Exception {
        Object request = scopes.open("manual", "fan-out");
        Handoff handoff = handoff();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Thread worker = new Thread(() -> {
                Handoff previous = scopes.enter(handoff);
                try {
                    start.await();
                    for (long id = 1; id <= 20_000; id++) {
                        select(id);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    scopes.restore(previous);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        Scopes.Closed closed = scopes.close(request, null);
        assertEquals(160_000, closed.statements);
        assertEquals(160_000, closed.findings.get(0).repetitions(), "one call site, every thread's executions");
    }

    @Test
    void aThreadCreatedInAScopeInheritsItButAPoolsOwnThreadDoesNot() throws Exception {
        threads.inheritWith(creator -> scopes.handoff(creator, Submission.here(callSites, creator.origin())));
        Object request = scopes.open("manual", "spawning");
        AtomicReference<Boolean> child = new AtomicReference<>();
        onAnotherThread(() -> {
            child.set(scopes.thread().inScope());
            select(1);
        });
        boolean before = scopes.thread().creatingPoolThread(true);
        AtomicReference<Boolean> poolThread = new AtomicReference<>();
        onAnotherThread(() -> poolThread.set(scopes.thread().inScope()));
        scopes.thread().creatingPoolThread(before);
        Scopes.Closed closed = scopes.close(request, null);

        assertTrue(child.get());
        assertFalse(poolThread.get());
        assertEquals(1, closed.statements);
    }

    @Test
    void aSuspendedScopeEndsFromAnyThreadOnce() throws Exception {
        Object request = scopes.openHttp("GET", "/async");
        select(1);
        assertTrue(scopes.suspend(request, "/async/{id}"));
        assertFalse(scopes.thread().inScope(), "taken off its thread");
        onAnotherThread(() -> {
            Handoff previous = scopes.resume(request);
            select(2);
            scopes.restore(previous);
            scopes.end(request);
            scopes.end(request);
        });
        assertEquals(List.of("http GET /async/{id} 2"), sink.closed);
        assertNull(scopes.resume(request), "ended: nothing to resume");
    }

    @Test
    void enteringNothingIsNoneAndRestoresNothing() {
        Handoff previous = scopes.enter(new Handoff(null, null, false));
        assertSame(Handoff.NONE, previous);
        scopes.restore(previous);
        assertFalse(scopes.thread().inScope());
    }
}

package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.apps.ParentView;
import dev.nplusone.it.apps.SerializationApp;
import dev.nplusone.testkit.LogEntry;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jackson 2 and Jackson 3 writes open a {@code serialize <RootClass>} scope, nested in the request
 * when there is one. A getter that queries per element is found at the getter's line.
 */
class SerializationIT {

    static final String SERIALIZE = "serialize ArrayList";
    static final String CHILDREN = "select name from child where parent_id = ? order by id";
    static final String PARENTS = "select id, name from parent order by id";

    static final SourceLine GETTER = SourceLine.of(ParentView.class, "// N+1: lazy children getter");
    static final SourceLine IN_REQUEST = SourceLine.of(SerializationApp.class, "// serializes in a request");
    static final SourceLine INNER_WRITE = SourceLine.of(SerializationApp.Envelope.class, "// serializes inside a serialization");
    static final SourceLine OUTERMOST = SourceLine.of(SerializationApp.class, "// outermost serialization");

    static Result result;
    static Report report;

    @BeforeAll
    static void runApplication() {
        result = ChildJvm.of("serialization", SerializationApp.class).withAgent("").run().assertCleanRun();
        report = result.report();
    }

    @Test
    void serializationScopesNestInRequestsAndCountTheirOwnStatements() {
        assertEquals(List.of("done"), result.stdout());
        for (String route : SerializationApp.ROUTES) {
            Report.Scope request = report.scope("GET " + route);
            assertEquals("http", request.kind());
            assertEquals(1, request.instances());
            assertEquals(1 + SerializationApp.PARENTS, request.statements().total(), "the parents, then the getter per parent: " + route);
        }
        Report.Scope serialize = report.scope(SERIALIZE);
        assertEquals("serialization", serialize.kind());
        assertEquals(SerializationApp.ROUTES.size() + 1, serialize.instances(), "one per request, one outside any request");
        assertEquals((SerializationApp.ROUTES.size() + 1) * SerializationApp.PARENTS, serialize.statements().total());
        assertEquals(SerializationApp.PARENTS, serialize.statements().max(), "only the getters' statements, not the request's");

        // The routes, the nested route, "serialize ArrayList" and "serialize Envelope".
        assertEquals(SerializationApp.ROUTES.size() + 3, report.summary().scopes(), () -> "scopes: " + report.scopeNames());
        int setupAndPreloadedParents = SerializationApp.SETUP.length + 1;
        assertEquals(setupAndPreloadedParents, report.summary().unscoped());
        int requests = SerializationApp.ROUTES.size() + 1;
        assertEquals(setupAndPreloadedParents + requests * (1 + SerializationApp.PARENTS) + SerializationApp.PARENTS,
                report.summary().statements());
    }

    @Test
    void findsOneNPlusOnePerRequestRouteAndOneOutside() {
        List<String> expected = new ArrayList<>();
        for (String route : SerializationApp.ROUTES) {
            expected.add(triple("n_plus_one", "GET " + route, CHILDREN));
        }
        expected.add(triple("n_plus_one", "GET " + SerializationApp.NESTED_ROUTE, CHILDREN));
        expected.add(triple("n_plus_one", SERIALIZE, CHILDREN));
        report.assertFindings(expected.toArray(new String[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/jackson2/string", "/jackson2/writer-bytes", "/jackson3/string", "/jackson3/stream"})
    void findsTheGetterInsideTheRequest(String route) {
        Finding f = report.finding("n_plus_one", "GET " + route, CHILDREN);
        assertEquals(List.of("GET " + route, SERIALIZE), f.path());
        assertEquals(SerializationApp.PARENTS, f.repetitions());
        assertEquals(1, f.occurrences());
        assertEquals(GETTER.frame("getChildren"), f.location());
        // The getter, the lambda that wrote, the handler that called it: no Jackson or server frame.
        assertEquals(3, f.stack().size(), f.stack()::toString);
        assertEquals(GETTER.frame("getChildren"), f.stack().get(0));
        assertTrue(f.stack().get(1).startsWith(SerializationApp.class.getName() + ".lambda$main$"), f.stack()::toString);
        IN_REQUEST.assertIsFrame(f.stack().get(2));
        assertEquals(PARENTS, f.trigger(), "the request loaded the parents just before serializing them");
        assertEquals("$[*].children", f.jsonPath(), "the getter's property, though Jackson writes its name only after it returns");
        assertNull(f.association(), "no ORM: the getter's own query");
    }

    @Test
    void findsTheGetterInASerializationOutsideAnyRequest() {
        Finding f = report.finding("n_plus_one", SERIALIZE, CHILDREN);
        assertEquals(List.of(SERIALIZE), f.path());
        assertEquals(SerializationApp.PARENTS, f.repetitions());
        assertEquals(List.of(GETTER.frame("getChildren"), OUTERMOST.frame("main")), f.stack());
        assertNull(f.trigger(), "the parents were loaded before the scope opened");
    }

    /** The envelope's getter serializes the list again (with Jackson 3, inside Jackson 2): that opens no scope. */
    @Test
    void noSerializationScopeOpensInsideAnother() {
        Report.Scope envelope = report.scope("serialize Envelope");
        assertEquals(1, envelope.instances());
        assertEquals(SerializationApp.PARENTS, envelope.statements().total());
        assertEquals(SerializationApp.ROUTES.size() + 1, report.scope(SERIALIZE).instances(), "none for the list inside the envelope");

        Finding f = report.finding("n_plus_one", "GET " + SerializationApp.NESTED_ROUTE, CHILDREN);
        assertEquals(List.of("GET " + SerializationApp.NESTED_ROUTE, "serialize Envelope"), f.path());
        assertEquals(GETTER.frame("getChildren"), f.location());
        assertEquals(INNER_WRITE.frame("getParentsJson"), f.stack().get(1));
        assertEquals("$[*].children", f.jsonPath(), "the path in the JSON being written, the inner serialization's");
    }

    @Test
    void logsThePathOfNestedScopes() {
        LogEntry block = LogEntry.only(result.log(), "nplusone.findings", "N+1 query in GET /jackson3/stream > ");
        assertEquals("N+1 query in GET /jackson3/stream > serialize ArrayList: 4 executions of one statement shape from one call site",
                block.message());
        assertEquals(GETTER.frame("getChildren"), block.field("location"));
        assertEquals("$[*].children", block.field("jsonPath"));
    }
}

package dev.nplusone.jdbc;

import dev.nplusone.detect.Attributor;
import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.FrameFilter;
import dev.nplusone.detect.ScopeStatements;
import dev.nplusone.scope.RecordingSink;
import dev.nplusone.scope.Scopes;
import dev.nplusone.scope.ThreadStates;
import dev.nplusone.shape.Shapes;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Statements through the agent's JDBC wrappers on a real H2 connection, into scopes and a recording sink. */
class StatementListenerTest {

    private final RecordingSink sink = new RecordingSink(true);
    private final Scopes scopes = new Scopes(new ThreadStates(), new Shapes(100),
            () -> new ScopeStatements(new CallSites(new FrameFilter(List.of(), null)), 3, Attributor.NONE), sink);
    private final StatementListener listener = new StatementListener(scopes, false);
    private final ConnectionWrapper wrapper = new ConnectionWrapper(listener);

    private Connection open() throws Exception {
        Connection raw = DriverManager.getConnection("jdbc:h2:mem:listener;DB_CLOSE_DELAY=-1");
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS item(id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("MERGE INTO item VALUES (1, 'a'), (2, 'b')");
        }
        return (Connection) wrapper.wrap(raw);
    }

    @Test
    void eachExecutionIsCountedOnceInOrOutOfAScope() throws Exception {
        try (Connection c = open()) {
            query(c, 1);
            Object scope = scopes.open("manual", "batch");
            query(c, 1);
            query(c, 2);
            try (PreparedStatement ps = c.prepareStatement("UPDATE item SET name = ? WHERE id = ?")) {
                for (int id = 1; id <= 2; id++) {
                    ps.setString(1, "x");
                    ps.setInt(2, id);
                    ps.addBatch();
                }
                ps.executeBatch(); // one execution
            }
            Scopes.Closed closed = scopes.close(scope, null);
            assertEquals(3, closed.statements);
        }
        assertEquals(1, sink.outside);
        assertEquals(3, sink.inScope);
        assertEquals("batch: select name from item where id = ?", sink.shapes.get(0));
    }

    @Test
    void aConnectionWrappedTwiceCountsEachStatementOnce() throws Exception {
        try (Connection c = (Connection) wrapper.wrap(open())) {
            Object scope = scopes.open("manual", "pool over pool");
            query(c, 1);
            assertEquals(1, scopes.close(scope, null).statements);
        }
        assertEquals(1, sink.inScope);
    }

    @Test
    void afterStopNothingIsRecordedAndTheApplicationGoesOn() throws Exception {
        try (Connection c = open()) {
            listener.stop();
            Object scope = scopes.open("manual", "detached");
            assertEquals("a", query(c, 1));
            assertEquals(0, scopes.close(scope, null).statements);
        }
        assertEquals(0, sink.inScope + sink.outside);
    }

    @Test
    void theWrapperStillUnwrapsToTheDriversConnection() throws Exception {
        try (Connection c = open()) {
            assertSame(c.unwrap(org.h2.jdbc.JdbcConnection.class).getClass(), org.h2.jdbc.JdbcConnection.class);
        }
    }

    private static String query(Connection c, int id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
            ps.setInt(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}

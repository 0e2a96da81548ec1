package dev.nplusone.jdbc;

import dev.nplusone.detect.Attributor;
import dev.nplusone.detect.CallSites;
import dev.nplusone.detect.Finding;
import dev.nplusone.detect.FrameFilter;
import dev.nplusone.detect.ScopeStatements;
import dev.nplusone.scope.RecordingSink;
import dev.nplusone.scope.Scopes;
import dev.nplusone.scope.ThreadStates;
import dev.nplusone.shape.Shapes;
import org.junit.jupiter.api.Test;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's generated JDBC wrappers on a real H2 connection: they behave as the driver's objects, and each execution is seen with its values. */
class ConnectionProxyTest {

    private final RecordingSink sink = new RecordingSink(false);
    private final Scopes scopes = new Scopes(new ThreadStates(), new Shapes(100),
            () -> new ScopeStatements(new CallSites(new FrameFilter(List.of(), null)), 3, Attributor.NONE), sink);

    private Connection open(boolean keepParameters) throws Exception {
        Connection raw = DriverManager.getConnection("jdbc:h2:mem:proxies;DB_CLOSE_DELAY=-1");
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS item(id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("MERGE INTO item VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        }
        return (Connection) new ConnectionWrapper(new StatementListener(scopes, keepParameters)).wrap(raw);
    }

    @Test
    void theWrappersAnswerAsTheDriversObjectsWouldAndKeepTheirConnection() throws Exception {
        try (Connection c = open(false)) {
            assertTrue(c instanceof Wrapped);
            // generated code, never taken for the application's, and no reflective proxy
            assertTrue(dev.nplusone.reflect.GeneratedClasses.isGenerated(c.getClass()), c.getClass().getName());
            assertFalse(java.lang.reflect.Proxy.isProxyClass(c.getClass()));
            assertTrue(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class));
            assertTrue(c.isWrapperFor(Wrapped.class));
            assertSame(c, c.unwrap(Connection.class));
            assertEquals(c, c);
            assertNotEquals(c, c.unwrap(org.h2.jdbc.JdbcConnection.class));
            assertTrue(c.toString().startsWith("conn"), c.toString()); // H2's own
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
                assertSame(c, ps.getConnection());
                assertSame(org.h2.jdbc.JdbcPreparedStatement.class, ps.unwrap(org.h2.jdbc.JdbcPreparedStatement.class).getClass());
                ps.setMaxRows(1); // a method of Statement, forwarded
                assertEquals(1, ps.getMaxRows());
                assertEquals("\"a b\"", ps.enquoteIdentifier("a b", false)); // a default method of JDBC 4.3
            }
            try (Statement s = c.createStatement()) {
                assertSame(c, s.getConnection());
                assertEquals(1L, s.executeLargeUpdate("UPDATE item SET name = 'a' WHERE id = 1"));
            }
            c.setAutoCommit(false);
            assertFalse(c.getAutoCommit());
            c.rollback();
        }
    }

    @Test
    void everyKindOfExecutionIsSeenOnce() throws Exception {
        try (Connection c = open(false)) {
            Object scope = scopes.open("manual", "kinds");
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
                s.execute("SELECT 2");
                s.executeUpdate("UPDATE item SET name = 'a' WHERE id = 1");
                s.addBatch("UPDATE item SET name = 'a' WHERE id = 1");
                s.addBatch("UPDATE item SET name = 'b' WHERE id = 2");
                s.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE item SET name = ? WHERE id = ?")) {
                ps.setString(1, "x");
                ps.setInt(2, 1);
                ps.executeLargeUpdate();
            }
            try (CallableStatement call = c.prepareCall("SELECT name FROM item WHERE id = ?")) {
                call.setInt(1, 2);
                try (ResultSet rs = call.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("b", rs.getString(1));
                }
            }
            assertEquals(6, scopes.close(scope, null).statements);
        }
        assertEquals(6, sink.inScope);
    }

    @Test
    void theSameValuesMakeADuplicateAndAValueSetAgainReplacesTheOneBefore() throws Exception {
        try (Connection c = open(true)) {
            Object scope = scopes.open("manual", "values");
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
                ps.setInt(1, 3);
                ps.executeQuery().close();
                ps.setInt(1, 2);
                ps.setInt(1, 1); // replaces 2
                ps.executeQuery().close();
                ps.executeQuery().close(); // still bound: the same statement again
            }
            List<Finding> findings = scopes.close(scope, null).findings;
            List<Finding> duplicates = findings.stream().filter(f -> f.type() == Finding.Type.DUPLICATE).toList();
            assertEquals(1, duplicates.size(), findings::toString);
            assertEquals("[1]", duplicates.get(0).parameters());
        }
    }

    @Test
    void differentValuesAreDifferentStatements() throws Exception {
        try (Connection c = open(false)) {
            Object scope = scopes.open("manual", "distinct");
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
                for (int id = 1; id <= 3; id++) {
                    ps.setInt(1, id);
                    ps.executeQuery().close();
                }
                ps.clearParameters();
                ps.setObject(1, 1, java.sql.JDBCType.INTEGER); // a JDBC 4.2 default method, forwarded and seen
                ps.executeQuery().close();
            }
            List<Finding> findings = scopes.close(scope, null).findings;
            assertEquals(1, findings.stream().filter(f -> f.type() == Finding.Type.DUPLICATE).count(), findings::toString);
            assertEquals(1, findings.stream().filter(f -> f.type() == Finding.Type.N_PLUS_ONE).count(), findings::toString);
        }
    }

    @Test
    void aBatchIsOneExecutionWithItsValues() throws Exception {
        try (Connection c = open(true)) {
            Object scope = scopes.open("manual", "batch");
            for (int round = 0; round < 2; round++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
                    for (int id = 1; id <= 3; id++) {
                        ps.setInt(1, id);
                        ps.addBatch();
                    }
                    // H2 refuses queries in a batch: an execution that fails is still one the database saw
                    assertThrows(java.sql.BatchUpdateException.class, ps::executeBatch);
                }
            }
            List<Finding> findings = scopes.close(scope, null).findings;
            assertEquals(2, sink.inScope);
            Finding duplicate = findings.stream().filter(f -> f.type() == Finding.Type.DUPLICATE).findFirst().orElseThrow();
            assertEquals("[1] and 2 more sets", duplicate.parameters());
        }
    }
}

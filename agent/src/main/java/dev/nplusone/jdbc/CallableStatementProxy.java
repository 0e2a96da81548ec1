package dev.nplusone.jdbc;

import java.sql.CallableStatement;

/** A callable statement of a wrapped connection: a {@link PreparedStatementProxy} whose other methods reach the driver's callable statement. */
public abstract class CallableStatementProxy extends PreparedStatementProxy implements CallableStatement {

    final CallableStatement callable;

    CallableStatementProxy(CallableStatement target, ConnectionProxy connection, String sql) {
        super(target, connection, sql);
        this.callable = target;
    }
}

package dev.nplusone.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements whose values are personal data: {@link #SECRET} as a bind parameter (an N+1 and a
 * duplicate) and as a literal in the SQL text (another N+1), in the manual scope {@code accounts}.
 * The application itself never prints the secret.
 */
public final class SecretsApp {

    public static final String SECRET = "secret-4711";
    public static final String SCOPE = "accounts";

    public static void main(String[] args) throws SQLException {
        String url = "jdbc:h2:mem:secrets;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(40), balance INT)");
            s.execute("INSERT INTO account VALUES (1, '" + SECRET + "', 10), (2, '" + SECRET + "', 20), (3, 'x', 30), (4, 'y', 40)");
        }
        try (ManualScope scope = ManualScope.open(SCOPE); Connection c = DriverManager.getConnection(url)) {
            for (int id = 1; id <= 4; id++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT balance FROM account WHERE id = ? AND owner = ?")) {
                    ps.setInt(1, id);
                    ps.setString(2, SECRET);
                    try (ResultSet rs = ps.executeQuery()) { // N+1 with the secret as a parameter
                        rs.next();
                    }
                }
            }
            for (int id = 1; id <= 3; id++) {
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT balance FROM account WHERE owner = '" + SECRET + "' AND id = " + id).close();
                }
            }
            for (int i = 0; i < 2; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM account WHERE owner = ?")) {
                    ps.setString(1, SECRET);
                    ps.executeQuery().close();
                }
            }
        }
        System.out.println("done");
    }
}

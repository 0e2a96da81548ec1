package dev.nplusone.it.apps;

import dev.nplusone.it.apps.lib.Repository;
import dev.nplusone.it.apps.packages.Service;
import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The same N+1 loop, in {@link Repository} (package {@code lib}), reached two ways, each in a
 * manual scope: {@code via-service} through {@link Service} (package {@code packages}), and
 * {@code direct} from here, with no frame of that package on the stack.
 */
public final class PackagesApp {

    public static final String VIA_SERVICE = "via-service";
    public static final String DIRECT = "direct";
    public static final String[] SETUP = {
        "CREATE TABLE author (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE book (id INT PRIMARY KEY, author_id INT, title VARCHAR(40))",
        "INSERT INTO author VALUES (1, 'a1'), (2, 'a2'), (3, 'a3'), (4, 'a4')",
        "INSERT INTO book VALUES (1, 1, 'b1'), (2, 1, 'b2'), (3, 2, 'b3'), (4, 3, 'b4'), (5, 4, 'b5')",
    };
    public static final int AUTHORS = 4;

    public static void main(String[] args) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:packages;DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : SETUP) {
                s.execute(sql);
            }
        }
        try (ManualScope scope = ManualScope.open(VIA_SERVICE); Connection c = db.getConnection()) {
            System.out.println(VIA_SERVICE + ": " + Service.report(c)); // app calls the service
        }
        try (ManualScope scope = ManualScope.open(DIRECT); Connection c = db.getConnection()) {
            System.out.println(DIRECT + ": " + Repository.booksOf(c, Repository.authors(c))); // app calls the repository itself
        }
    }
}

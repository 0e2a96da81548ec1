package dev.nplusone.it.apps.packages;

import dev.nplusone.it.apps.lib.Repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The application's own code, in the package {@code PackagesOptionIT} names: it calls the helper once. */
public final class Service {

    private Service() {
    }

    public static int report(Connection c) throws SQLException {
        return load(c); // service report loads
    }

    static int load(Connection c) throws SQLException {
        List<Integer> authors = Repository.authors(c);
        return Repository.booksOf(c, authors); // service loads the books of each author
    }
}

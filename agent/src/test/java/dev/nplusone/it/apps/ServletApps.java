package dev.nplusone.it.apps;

import org.apache.catalina.startup.Tomcat;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the embedded-container applications share: an in-memory H2 database filled by a script, and
 * a Tomcat on the loopback address. Compiled against Tomcat 11, it runs on Tomcat 9 as well: the
 * few embedding methods it calls have the same signatures in both.
 */
final class ServletApps {

    private ServletApps() {
    }

    static JdbcDataSource database(String name, String... setup) throws SQLException {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : setup) {
                s.execute(sql);
            }
        }
        return db;
    }

    /** A Tomcat that will listen on 127.0.0.1 at a free port, working in {@code baseDir}. */
    static Tomcat tomcat(Path baseDir) {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        return tomcat;
    }
}

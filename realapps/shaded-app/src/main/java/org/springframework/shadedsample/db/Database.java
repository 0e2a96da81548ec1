package org.springframework.shadedsample.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The service's in-memory H2 database behind a HikariCP pool, created with fixed data. */
public final class Database implements AutoCloseable {

    private static final String[] SETUP = {
        "create table product_group (id bigint primary key, name varchar(100) not null)",
        "create table product (id bigint primary key, group_id bigint not null references product_group (id),"
                + " name varchar(100) not null, price_cents int not null)",
        "insert into product_group (id, name) values (1, 'Notebooks'), (2, 'Pens'), (3, 'Ink'), (4, 'Paper'),"
                + " (5, 'Erasers'), (6, 'Rulers'), (7, 'Folders'), (8, 'Stamps')",
        "insert into product (id, group_id, name, price_cents) values"
                + " (1, 1, 'A5 ruled', 450), (2, 1, 'A4 squared', 600), (3, 2, 'Fountain pen', 2400),"
                + " (4, 2, 'Ballpoint', 150), (5, 3, 'Blue-black cartridges', 390), (6, 4, 'Laid paper', 1200),"
                + " (7, 5, 'Soft eraser', 90), (8, 6, 'Steel rule 30 cm', 520), (9, 7, 'Card folder', 310),"
                + " (10, 8, 'Date stamp', 1750)",
    };

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database inMemory() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("catalog");
        config.setJdbcUrl("jdbc:h2:mem:catalog;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : SETUP) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot create the catalogue's database", e);
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}

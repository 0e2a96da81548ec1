package org.apache.samples.bookshop.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.samples.bookshop.domain.Reader;

public final class ReaderDao {

    private final DataSource dataSource;

    public ReaderDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Reader> find(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select id, name from reader where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) { // N+1: the reader of each review
                return row.next() ? Optional.of(new Reader(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
    }
}

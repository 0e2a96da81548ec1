package org.apache.samples.bookshop.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.samples.bookshop.domain.Review;

public final class ReviewDao {

    private final DataSource dataSource;

    public ReviewDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest reviews first. */
    public List<Review> latest(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select id, book_title, reader_id, stars, written from review order by written desc, id desc limit ?")) {
            select.setInt(1, limit);
            List<Review> reviews = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reviews.add(new Review(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getInt(4),
                            rows.getObject(5, java.time.LocalDate.class)));
                }
            }
            return reviews;
        }
    }
}

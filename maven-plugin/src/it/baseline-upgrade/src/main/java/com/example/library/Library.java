package com.example.library;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the authors, then the books of each author with a query of its own (N+1), through a pool. */
public final class Library {

    private final DataSource pool;

    public Library(DataSource pool) {
        this.pool = pool;
    }

    public Map<String, List<String>> titlesByAuthor() throws SQLException {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet authors = statement.executeQuery("select id, name from author order by id");
             PreparedStatement books = connection.prepareStatement("select title from book where author_id = ? order by id")) {
            while (authors.next()) {
                books.setLong(1, authors.getLong("id"));
                List<String> list = new ArrayList<>();
                try (ResultSet rows = books.executeQuery()) { // N+1: the books of each author
                    while (rows.next()) {
                        list.add(rows.getString("title"));
                    }
                }
                titles.put(authors.getString("name"), list);
            }
        }
        return titles;
    }
}

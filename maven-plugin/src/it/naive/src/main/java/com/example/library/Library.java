package com.example.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the parents, then the children of each parent with a query of its own: N+1. */
public final class Library {

    private final Connection connection;

    public Library(Connection connection) {
        this.connection = connection;
    }

    public Map<String, List<String>> titlesByAuthor() throws SQLException {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet authors = statement.executeQuery("select id, name from author order by id");
             PreparedStatement books = connection.prepareStatement("select title from book where author_id = ? order by id")) {
            while (authors.next()) {
                books.setLong(1, authors.getLong("id"));
                List<String> list = new ArrayList<>();
                try (ResultSet rows = books.executeQuery()) {
                    while (rows.next()) {
                        list.add(rows.getString("title"));
                    }
                }
                titles.put(authors.getString("name"), list);
            }
        }
        return titles;
    }

    public Map<String, Integer> starsByBook() throws SQLException {
        Map<String, Integer> stars = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet books = statement.executeQuery("select id, title from book order by id");
             PreparedStatement reviews = connection.prepareStatement("select stars from review where book_id = ?")) {
            while (books.next()) {
                reviews.setLong(1, books.getLong("id"));
                int sum = 0;
                try (ResultSet rows = reviews.executeQuery()) {
                    while (rows.next()) {
                        sum += rows.getInt("stars");
                    }
                }
                stars.put(books.getString("title"), sum);
            }
        }
        return stars;
    }
}

package com.example.library;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads parents and children together, with one join per listing. */
public final class Library {

    private final Connection connection;

    public Library(Connection connection) {
        this.connection = connection;
    }

    public Map<String, List<String>> titlesByAuthor() throws SQLException {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select a.name, b.title from author a join book b on b.author_id = a.id order by a.id, b.id")) {
            while (rows.next()) {
                titles.computeIfAbsent(rows.getString("name"), name -> new ArrayList<>()).add(rows.getString("title"));
            }
        }
        return titles;
    }

    public Map<String, Integer> starsByBook() throws SQLException {
        Map<String, Integer> stars = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select b.title, sum(r.stars) as stars from book b join review r on r.book_id = b.id group by b.id, b.title order by b.id")) {
            while (rows.next()) {
                stars.put(rows.getString("title"), rows.getInt("stars"));
            }
        }
        return stars;
    }
}

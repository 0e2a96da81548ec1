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

/** Loads the authors, then the books of each author with a query of its own: N+1. */
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

    public void addBooks(long authorId, List<String> titles, long firstId) throws SQLException {
        long id = firstId;
        for (String title : titles) {
            try (PreparedStatement insert = connection.prepareStatement("insert into book (id, author_id, title) values (?, ?, ?)")) {
                insert.setLong(1, id++);
                insert.setLong(2, authorId);
                insert.setString(3, title);
                insert.executeUpdate(); // batchable: one insert per book
            }
        }
    }

    public String title(long bookId) throws SQLException {
        try (PreparedStatement book = connection.prepareStatement("select title from book where id = ?")) {
            book.setLong(1, bookId);
            try (ResultSet row = book.executeQuery()) { // the same book, read again: a duplicate
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}

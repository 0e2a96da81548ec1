package com.example.library;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** That many authors with two books each. */
public final class Schema {

    private Schema() {
    }

    public static void create(Connection connection, int authors) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table author (id bigint primary key, name varchar(100) not null)");
            statement.execute("create table book (id bigint primary key, author_id bigint not null references author, title varchar(200) not null)");
            for (int author = 1; author <= authors; author++) {
                statement.execute("insert into author values (" + author + ", 'Author " + author + "')");
                for (int book = 1; book <= 2; book++) {
                    int bookId = author * 10 + book;
                    statement.execute("insert into book values (" + bookId + ", " + author + ", 'Book " + bookId + "')");
                }
            }
        }
    }
}

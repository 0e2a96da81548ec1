package com.example.library;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Five authors with two books each, every book with two reviews. */
public final class Schema {

    private Schema() {
    }

    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table author (id bigint primary key, name varchar(100) not null)");
            statement.execute("create table book (id bigint primary key, author_id bigint not null references author, title varchar(200) not null)");
            statement.execute("create table review (id bigint primary key, book_id bigint not null references book, stars int not null)");
            for (int author = 1; author <= 5; author++) {
                statement.execute("insert into author values (" + author + ", 'Author " + author + "')");
                for (int book = 1; book <= 2; book++) {
                    int bookId = author * 10 + book;
                    statement.execute("insert into book values (" + bookId + ", " + author + ", 'Book " + bookId + "')");
                    statement.execute("insert into review values (" + bookId * 10 + ", " + bookId + ", 4)");
                    statement.execute("insert into review values (" + (bookId * 10 + 1) + ", " + bookId + ", 5)");
                }
            }
        }
    }
}

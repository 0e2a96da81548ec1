package dev.nplusone.it.apps.jobs;

import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Spring {@code @Scheduled} job with an N+1: every run mails each subscriber a digest of their
 * articles, one query per subscriber.
 */
public class DigestJob {

    public static final String[] SETUP = {
        "CREATE TABLE subscriber (id INT PRIMARY KEY, email VARCHAR(40))",
        "CREATE TABLE article (id INT PRIMARY KEY, subscriber_id INT, title VARCHAR(40))",
        "INSERT INTO subscriber VALUES (1, 'ann@example.org'), (2, 'bob@example.org'), (3, 'cy@example.org')",
        "INSERT INTO article VALUES (10, 1, 'a'), (11, 1, 'b'), (20, 2, 'c'), (30, 3, 'd')",
    };
    public static final int SUBSCRIBERS = 3;

    private final Db db;
    private final AtomicInteger runs = new AtomicInteger();

    public DigestJob(Db db) {
        this.db = db;
    }

    @Scheduled(fixedDelay = 20)
    public void send() throws SQLException {
        try (Connection c = db.open()) {
            List<Integer> subscribers = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, email FROM subscriber ORDER BY id")) {
                while (rs.next()) {
                    subscribers.add(rs.getInt(1));
                }
            }
            for (int subscriber : subscribers) {
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM article WHERE subscriber_id = ?")) {
                    ps.setInt(1, subscriber);
                    ps.executeQuery().close(); // N+1: articles of each subscriber, in a scheduled method
                }
            }
        }
        runs.incrementAndGet();
    }

    public int runs() {
        return runs.get();
    }
}

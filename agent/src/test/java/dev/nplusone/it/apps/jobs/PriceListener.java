package dev.nplusone.it.apps.jobs;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/** A listener on a topic: one statement per message, a scope named after the topic. */
public class PriceListener implements MessageListener {

    private final Db db;
    private final CountDownLatch handled;

    public PriceListener(Db db, CountDownLatch handled) {
        this.db = db;
        this.handled = handled;
    }

    @Override
    public void onMessage(Message message) {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM product").close();
        } catch (SQLException e) {
            e.printStackTrace();
        } finally {
            handled.countDown();
        }
    }
}

package dev.nplusone.it.apps.jobs;

import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageListener;
import javax.jms.TextMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/** A javax JMS listener with an N+1: for each order shipped, one query per order line. */
public class ShipmentListener implements MessageListener {

    private final Db db;
    private final CountDownLatch handled;

    public ShipmentListener(Db db, CountDownLatch handled) {
        this.db = db;
        this.handled = handled;
    }

    @Override
    public void onMessage(Message message) {
        try (Connection c = db.open()) {
            int order = Integer.parseInt(((TextMessage) message).getText());
            for (int product : Db.ints(c, Shop.LINES_OF_ORDER, order)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM product WHERE id = ?")) {
                    ps.setInt(1, product);
                    ps.executeQuery().close(); // N+1: product of each order line, in a javax listener
                }
            }
        } catch (JMSException | SQLException e) {
            e.printStackTrace();
        } finally {
            handled.countDown();
        }
    }
}

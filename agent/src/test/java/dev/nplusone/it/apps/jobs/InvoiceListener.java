package dev.nplusone.it.apps.jobs;

import org.springframework.jms.annotation.JmsListener;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/**
 * A Spring {@code @JmsListener} method with an N+1: for each invoice, the stock of each product
 * ordered, one query per product. Spring's container calls it through an adapter that is a
 * {@code SessionAwareMessageListener}, not through {@code MessageListener.onMessage(Message)}.
 */
public class InvoiceListener {

    private final Db db;
    private final CountDownLatch handled;

    public InvoiceListener(Db db, CountDownLatch handled) {
        this.db = db;
        this.handled = handled;
    }

    @JmsListener(destination = "invoices")
    public void onInvoice(String invoice) throws SQLException {
        try (Connection c = db.open()) {
            for (int product : Db.ints(c, Shop.LINES_OF_ORDER, Integer.parseInt(invoice))) {
                try (PreparedStatement ps = c.prepareStatement("SELECT stock FROM inventory WHERE product_id = ?")) {
                    ps.setInt(1, product);
                    ps.executeQuery().close(); // N+1: stock of each product, in a @JmsListener method
                }
            }
        } finally {
            handled.countDown();
        }
    }
}

package dev.nplusone.it.apps.jobs;

import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.MessageProducer;
import javax.jms.Session;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A javax JMS listener ({@link ShipmentListener}) on queue {@code shipments} of an embedded Artemis
 * broker: {@link #SHIPMENTS} messages, an N+1 in each.
 *
 * <p>It runs with Artemis's javax client in place of its jakarta one (see {@code JobScopesIT}).
 * The two have the same class names, and the tests compile against the jakarta one; so the
 * connection factory is made by name.
 */
public final class JavaxMessagesApp {

    public static final int SHIPMENTS = 3;
    static final String FACTORY = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";

    public static void main(String[] args) throws Exception {
        Db db = new Db("shipments");
        db.setUp(Shop.SETUP);
        try (Broker broker = Broker.start()) {
            ConnectionFactory factory = (ConnectionFactory) Class.forName(FACTORY).getConstructor(String.class).newInstance(Broker.URL);
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                CountDownLatch shipments = new CountDownLatch(SHIPMENTS);
                session.createConsumer(session.createQueue("shipments")).setMessageListener(new ShipmentListener(db, shipments));
                connection.start();
                Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE); // a session per thread
                try (MessageProducer producer = sender.createProducer(sender.createQueue("shipments"))) {
                    for (int order = 1; order <= SHIPMENTS; order++) {
                        producer.send(sender.createTextMessage(Integer.toString(order)));
                    }
                }
                if (!shipments.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(shipments.getCount() + " shipments not handled in 30 s");
                }
            } // closing the connection waits for a listener in progress
        }
        System.out.println("handled: " + SHIPMENTS + " shipments");
    }
}

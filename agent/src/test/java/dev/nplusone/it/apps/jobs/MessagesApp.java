package dev.nplusone.it.apps.jobs;

import com.sun.net.httpserver.HttpServer;
import dev.nplusone.it.apps.Http;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * jakarta JMS listeners on an embedded Artemis broker, no scope opened by hand:
 *
 * <ul>
 *   <li>{@link OrderListener} on queue {@code orders}: {@link #ORDERS} messages, an N+1 in each;
 *   <li>{@link PriceListener} on topic {@code prices}: {@link #PRICES} messages;
 *   <li>{@link InvoiceListener}, a Spring {@code @JmsListener} on queue {@code invoices}: {@link #INVOICES} messages, an N+1 in each;
 *   <li>{@code GET /replay} on the JDK's HTTP server receives the one message of queue {@code replay} and hands it to an
 *       {@link OrderListener}: a listener inside a request;
 *   <li>an {@link OrderListener} called directly with a message that was never sent, which has no destination.
 * </ul>
 */
public final class MessagesApp {

    public static final int ORDERS = 3;
    public static final int PRICES = 2;
    public static final int INVOICES = 3;
    static final Db DB = new Db("messages");

    public static void main(String[] args) throws Exception {
        DB.setUp(Shop.SETUP);
        try (Broker broker = Broker.start();
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(Broker.URL);
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            CountDownLatch orders = new CountDownLatch(ORDERS);
            CountDownLatch prices = new CountDownLatch(PRICES);
            session.createConsumer(session.createQueue("orders")).setMessageListener(new OrderListener(DB, orders));
            session.createConsumer(session.createTopic("prices")).setMessageListener(new PriceListener(DB, prices));
            connection.start();

            CountDownLatch invoices = new CountDownLatch(INVOICES);
            try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext()) {
                spring.register(InvoicesConfig.class);
                spring.registerBean(InvoiceListener.class, () -> new InvoiceListener(DB, invoices));
                spring.refresh();

                Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                send(sender, "orders", ORDERS);
                send(sender, "invoices", INVOICES);
                try (MessageProducer producer = sender.createProducer(sender.createTopic("prices"))) {
                    for (int i = 1; i <= PRICES; i++) {
                        producer.send(sender.createTextMessage(Integer.toString(i)));
                    }
                }
                await(orders, "orders");
                await(prices, "prices");
                await(invoices, "invoices");
                send(sender, "replay", 1);
                System.out.println("replay: " + replayInARequest(connection));

                // made here, never sent: it has no destination
                new OrderListener(DB, new CountDownLatch(1)).onMessage(sender.createTextMessage("2"));
            } // stopping the container waits for a message in progress
        } // closing the connection waits for listeners in progress
        System.out.println("handled: " + ORDERS + " orders, " + PRICES + " prices, " + INVOICES + " invoices");
    }

    /** Sends the order numbers 1 to {@code count}. */
    private static void send(Session session, String queue, int count) throws Exception {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            for (int order = 1; order <= count; order++) {
                producer.send(session.createTextMessage(Integer.toString(order)));
            }
        }
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(latch.getCount() + " " + what + " not handled in 30 s");
        }
    }

    /** A request whose handler receives a message and hands it to a listener: the listener's scope is inside the request's. */
    private static String replayInARequest(Connection connection) throws Exception {
        ExecutorService handlers = Executors.newSingleThreadExecutor();
        HttpServer server = Http.loopbackServer(handlers);
        server.createContext("/replay", exchange -> {
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                 MessageConsumer consumer = session.createConsumer(session.createQueue("replay"))) {
                Message message = consumer.receive(10_000);
                new OrderListener(DB, new CountDownLatch(1)).onMessage(message);
                Http.respond(exchange, 200, "replayed order " + message.getBody(String.class));
            } catch (Exception e) {
                Http.respond(exchange, 500, e.toString());
            }
        });
        server.start();
        try {
            return Http.get(Http.client(), Http.base(server).resolve("/replay"));
        } finally {
            Http.stop(server, handlers);
        }
    }
}

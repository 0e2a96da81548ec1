package dev.nplusone.it;

import dev.nplusone.it.Report.Finding;
import dev.nplusone.it.Report.Scope;
import dev.nplusone.it.apps.jobs.InvoiceListener;
import dev.nplusone.it.apps.jobs.JavaxMessagesApp;
import dev.nplusone.it.apps.jobs.MessagesApp;
import dev.nplusone.it.apps.jobs.OrderListener;
import dev.nplusone.it.apps.jobs.Shop;
import dev.nplusone.it.apps.jobs.ShipmentListener;
import dev.nplusone.testkit.SourceLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.nplusone.it.Report.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Each message a JMS listener handles is a scope of kind {@code message}, named after its
 * destination, javax and jakarta alike, and Spring's {@code @JmsListener} methods too; an N+1 in a
 * listener is found with nothing but the agent attached. A listener called inside a request is a
 * scope inside the request's.
 */
class MessageScopesIT {

    static final String PRODUCT = "select name from product where id = ?";
    static final String STOCK = "select stock from inventory where product_id = ?";
    static final String LINES = "select product_id from order_line where order_id = ? order by product_id";
    static final SourceLine ORDER_LOOP = SourceLine.of(OrderListener.class, "// N+1: product of each order line, in a jakarta listener");

    /** The class path, and a logback.xml that makes Spring's, Quartz's and Artemis's logging quiet. */
    static List<Path> quietLogging(List<Path> base) {
        List<Path> classpath = new ArrayList<>(base);
        classpath.add(ChildJvm.testClasses().resolve("it/quiet-logging"));
        return classpath;
    }

    @Nested
    class Jakarta {

        static Result result;
        static Report report;

        @BeforeAll
        static void runTheListeners() {
            result = ChildJvm.of("message-scopes", MessagesApp.class).classpath(quietLogging(ChildJvm.TEST_CLASSPATH)).withAgent("")
                    .run().assertCleanRun();
            report = result.report();
        }

        @Test
        void everyMessageWasHandled() {
            assertEquals(List.of("replay: replayed order 1", "handled: 3 orders, 2 prices, 3 invoices"), result.stdout(), result::describe);
        }

        @Test
        void eachMessageIsOneScopeNamedAfterItsQueueOrTopic() {
            Scope orders = report.scope("message orders");
            assertEquals("message", orders.kind());
            assertEquals(MessagesApp.ORDERS, orders.instances(), "one scope per message");
            assertEquals(MessagesApp.ORDERS * (1 + Shop.LINES), orders.statements().total());
            assertEquals(1 + Shop.LINES, orders.statements().max());

            Scope prices = report.scope("message prices");
            assertEquals("message", prices.kind());
            assertEquals(MessagesApp.PRICES, prices.instances());
            assertEquals(MessagesApp.PRICES, prices.statements().total());
        }

        @Test
        void aJmsListenerMethodOfSpringIsOneScopePerMessage() {
            Scope invoices = report.scope("message invoices");
            assertEquals("message", invoices.kind());
            assertEquals(MessagesApp.INVOICES, invoices.instances(), "the adapter's two onMessage methods are one scope");
            assertEquals(MessagesApp.INVOICES * (1 + Shop.LINES), invoices.statements().total());
        }

        @Test
        void aMessageWithoutDestinationIsNamedAfterTheListener() {
            Scope direct = report.scope("message OrderListener");
            assertEquals("message", direct.kind());
            assertEquals(1, direct.instances());
            assertEquals(1 + Shop.LINES, direct.statements().total());
        }

        @Test
        void aListenerInsideARequestIsAScopeInsideIt() {
            Scope request = report.scope("GET /replay");
            assertEquals("http", request.kind());
            assertEquals(1, request.instances());
            assertEquals(1 + Shop.LINES, request.statements().total());
            Scope replay = report.scope("message replay");
            assertEquals(1, replay.instances());
            assertEquals(1 + Shop.LINES, replay.statements().total());

            Finding f = report.finding("n_plus_one", "GET /replay", PRODUCT);
            assertEquals(List.of("GET /replay", "message replay"), f.path(), "the request stays the outer scope");
            assertEquals(ORDER_LOOP.frame("onMessage"), f.location());
        }

        @Test
        void theNPlusOneOfEachListenerIsFoundAtItsLoop() {
            report.assertFindings(
                    triple("n_plus_one", "message orders", PRODUCT),
                    triple("n_plus_one", "message invoices", STOCK),
                    triple("n_plus_one", "message OrderListener", PRODUCT),
                    triple("n_plus_one", "GET /replay", PRODUCT));

            Finding orders = report.finding("n_plus_one", "message orders", PRODUCT);
            assertEquals(List.of("message orders"), orders.path());
            assertEquals(Shop.LINES, orders.repetitions());
            assertEquals(MessagesApp.ORDERS, orders.occurrences(), "found in every message");
            assertEquals(ORDER_LOOP.frame("onMessage"), orders.location());
            assertEquals(LINES, orders.trigger());

            Finding invoices = report.finding("n_plus_one", "message invoices", STOCK);
            assertEquals(List.of("message invoices"), invoices.path());
            assertEquals(MessagesApp.INVOICES, invoices.occurrences());
            assertEquals(SourceLine.of(InvoiceListener.class, "// N+1: stock of each product, in a @JmsListener method").frame("onInvoice"),
                    invoices.location());
        }

        @Test
        void onlyTheSetUpIsOutsideAScope() {
            assertEquals(Shop.SETUP.length, report.summary().unscoped());
        }
    }

    @Nested
    class Javax {

        static Result result;
        static Report report;

        /** Artemis's javax client in place of its jakarta twin, whose classes have the same names. */
        static List<Path> javaxClient() {
            List<Path> classpath = quietLogging(ChildJvm.testClasspathWithout("artemis-jakarta-client-"));
            String libs = System.getProperty("nplusone.it.javaxJmsLibs");
            assertNotNull(libs, "nplusone.it.javaxJmsLibs is not set: run the integration tests with 'mvn verify' (failsafe sets it)");
            Path dir = Paths.get(libs);
            try (Stream<Path> jars = Files.list(dir)) {
                List<Path> client = jars.filter(p -> p.getFileName().toString().startsWith("artemis-jms-client-")).collect(Collectors.toList());
                assertEquals(1, client.size(), () -> "one artemis-jms-client jar in " + dir + ": " + client);
                classpath.addAll(client);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return classpath;
        }

        @BeforeAll
        static void runTheListener() {
            result = ChildJvm.of("message-scopes-javax", JavaxMessagesApp.class).classpath(javaxClient()).withAgent("").run()
                    .assertCleanRun();
            report = result.report();
        }

        @Test
        void eachMessageIsOneScopeAndItsNPlusOneIsFoundAtItsLoop() {
            assertEquals(List.of("handled: 3 shipments"), result.stdout(), result::describe);
            Scope shipments = report.scope("message shipments");
            assertEquals("message", shipments.kind());
            assertEquals(JavaxMessagesApp.SHIPMENTS, shipments.instances(), "one scope per message");
            assertEquals(JavaxMessagesApp.SHIPMENTS * (1 + Shop.LINES), shipments.statements().total());

            report.assertFindings(triple("n_plus_one", "message shipments", PRODUCT));
            Finding f = report.finding("n_plus_one", "message shipments", PRODUCT);
            assertEquals(JavaxMessagesApp.SHIPMENTS, f.occurrences());
            assertEquals(SourceLine.of(ShipmentListener.class, "// N+1: product of each order line, in a javax listener").frame("onMessage"),
                    f.location());
            assertEquals(Shop.SETUP.length, report.summary().unscoped());
        }
    }
}

package dev.nplusone.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * An N+1 in the manual scope {@link #SCOPE}, then an end chosen by the argument:
 * {@code return} (main returns), {@code exit} (a library calls {@code System.exit(3)} from a thread
 * of its own while main still runs), {@code wait} (prints {@code ready} and waits to be killed or
 * stopped).
 */
public final class ExitApp {

    public static final String SCOPE = "orders";
    public static final int ORDERS = 4;
    public static final String LINES = "select sku from order_line where order_id = ?";

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:mem:exit;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE order_line (order_id INT, sku VARCHAR(20))");
            s.execute("INSERT INTO order_line VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
        }
        try (ManualScope scope = ManualScope.open(SCOPE); Connection c = DriverManager.getConnection(url)) {
            for (int order = 1; order <= ORDERS; order++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT sku FROM order_line WHERE order_id = ?")) {
                    ps.setInt(1, order);
                    ps.executeQuery().close();
                }
            }
        }
        switch (args[0]) {
            case "return":
                System.out.println("done");
                return;
            case "exit":
                Thread library = new Thread(Library::giveUp, "a-library");
                library.start();
                Thread.sleep(60_000); // the library ends the JVM long before
                throw new IllegalStateException("still running");
            case "wait":
                System.out.println("ready");
                Thread.sleep(120_000);
                throw new IllegalStateException("nobody stopped me");
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    /** Library code that decides the JVM is done, as some do. */
    static final class Library {
        static void giveUp() {
            System.out.println("a library calls System.exit(3)");
            System.exit(3);
        }
    }

    private ExitApp() {
    }
}

package dev.nplusone.it.apps.jobs;

/** The tables of the listener applications: orders of three lines each, products, their stock. */
public final class Shop {

    public static final String[] SETUP = {
        "CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE order_line (order_id INT, product_id INT)",
        "CREATE TABLE inventory (product_id INT, stock INT)",
        "INSERT INTO product VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'f')",
        "INSERT INTO order_line VALUES (1, 1), (1, 2), (1, 3), (2, 2), (2, 3), (2, 4), (3, 4), (3, 5), (3, 6)",
        "INSERT INTO inventory VALUES (1, 10), (2, 20), (3, 30), (4, 40), (5, 50), (6, 60)",
    };
    /** Every order has this many lines. */
    public static final int LINES = 3;
    /** The lines of an order, which each listener loads before its loop. */
    public static final String LINES_OF_ORDER = "SELECT product_id FROM order_line WHERE order_id = ? ORDER BY product_id";

    private Shop() {
    }
}

package dev.nplusone.browser.app;

import dev.nplusone.api.NPlusOne;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small shop on H2, run under the agent in a child JVM so that the HTML report is made from a real
 * report: a page that loads each order's lines one by one (N+1), a report that reads one row twice
 * (duplicate), and an import that inserts rows one by one (batchable), each in a manual scope.
 *
 * <p>Argument: {@code all} runs the three; {@code orders} only the N+1 (a second fork of a build).
 */
public final class ShopApp {

    public static final String ORDERS_PAGE = "GET /orders";
    public static final String REPORT = "GET /reports/daily";
    public static final String IMPORT = "import-job";
    public static final int ORDERS = 12;
    public static final String LINES_OF_ORDER = "select sku, quantity from order_line where order_id = ?";

    public static void main(String[] args) throws SQLException {
        boolean all = args[0].equals("all");
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1")) {
            setUp(c);
            try (NPlusOne.Scope scope = NPlusOne.scope(ORDERS_PAGE)) {
                System.out.println("lines: " + ordersPage(c));
            }
            if (all) {
                try (NPlusOne.Scope scope = NPlusOne.scope(REPORT)) {
                    dailyReport(c);
                }
                try (NPlusOne.Scope scope = NPlusOne.scope(IMPORT)) {
                    importSkus(c);
                }
            }
        }
    }

    private static int ordersPage(Connection c) throws SQLException {
        int lines = 0;
        for (long order : orderIds(c)) {
            try (PreparedStatement ps = c.prepareStatement(LINES_OF_ORDER)) {
                ps.setLong(1, order);
                try (ResultSet rs = ps.executeQuery()) { // N+1: lines of each order
                    while (rs.next()) {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static void dailyReport(Connection c) throws SQLException {
        for (int i = 0; i < 2; i++) {
            try (PreparedStatement ps = c.prepareStatement("select customer from orders where id = ?")) {
                ps.setLong(1, 1);
                ps.executeQuery().close(); // duplicate: the first order twice
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from order_line")) {
            rs.next();
        }
    }

    private static void importSkus(Connection c) throws SQLException {
        for (int i = 0; i < 5; i++) {
            try (PreparedStatement ps = c.prepareStatement("insert into sku (code) values (?)")) {
                ps.setString(1, "SKU-" + i);
                ps.executeUpdate(); // batchable: one insert per row
            }
        }
    }

    private static List<Long> orderIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from orders order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void setUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table orders (id bigint primary key, customer varchar(40))");
            s.execute("create table order_line (id bigint auto_increment primary key, order_id bigint, sku varchar(20), quantity int)");
            s.execute("create table sku (code varchar(20) primary key)");
            for (int i = 1; i <= ORDERS; i++) {
                s.execute("insert into orders values (" + i + ", 'customer " + i + "')");
                s.execute("insert into order_line (order_id, sku, quantity) values (" + i + ", 'A', 1), (" + i + ", 'B', 2)");
            }
        }
    }
}

package dev.nplusone.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test JVM does under the build gate: one job over orders, N+1 or fixed, and a report
 * scope with several distinct statements, each in a manual scope.
 *
 * <p>Arguments: {@code naive} or {@code fixed}, then optional flags: {@code duplicate} (the report
 * scope reads one row twice with the same parameter).
 */
public final class GateApp {

    public static final String JOB = "orders-job";
    public static final String REPORT = "GET /reports/monthly";
    public static final int ORDERS = 8;
    /** Statements the report scope runs, all distinct. */
    public static final int REPORT_STATEMENTS = 6;

    public static final String LINES_OF_ORDER = "select sku, quantity from order_line where order_id = ?";
    public static final String LINE_BY_ID = "select sku from order_line where id = ?";

    public static void main(String[] args) throws SQLException {
        boolean naive = args[0].equals("naive");
        boolean duplicate = args.length > 1 && args[1].equals("duplicate");
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:gate;DB_CLOSE_DELAY=-1")) {
            setUp(c);
            try (ManualScope scope = ManualScope.open(JOB)) {
                int lines = naive ? naive(c) : fixed(c);
                System.out.println("lines: " + lines);
            }
            try (ManualScope scope = ManualScope.open(REPORT)) {
                report(c, duplicate);
            }
        }
    }

    private static int naive(Connection c) throws SQLException {
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

    private static int fixed(Connection c) throws SQLException {
        orderIds(c);
        try (PreparedStatement ps = c.prepareStatement("select o.id, l.sku from orders o join order_line l on l.order_id = o.id")) {
            return count(ps);
        }
    }

    private static void report(Connection c, boolean duplicate) throws SQLException {
        String[] columns = {"id", "customer", "id, customer", "customer, id", "max(id)", "min(id)"};
        for (String column : columns) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select " + column + " from orders")) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
        if (duplicate) {
            for (int i = 0; i < 2; i++) {
                try (PreparedStatement ps = c.prepareStatement(LINE_BY_ID)) {
                    ps.setLong(1, 1);
                    ps.executeQuery().close(); // duplicate: the same line twice
                }
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

    private static int count(PreparedStatement ps) throws SQLException {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static void setUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table orders (id bigint primary key, customer varchar(40))");
            s.execute("create table order_line (id bigint auto_increment primary key, order_id bigint, sku varchar(20), quantity int)");
            for (int i = 1; i <= ORDERS; i++) {
                s.execute("insert into orders values (" + i + ", 'customer " + i + "')");
                s.execute("insert into order_line (order_id, sku, quantity) values (" + i + ", 'sku-" + i + "', 1)");
            }
        }
    }
}

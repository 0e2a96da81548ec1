package dev.nplusone.it.apps;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An N+1 in a job, inside which a nested scope repeats a row (a duplicate), under Java Flight
 * Recorder (JfrIT).
 *
 * <p>Arguments: {@code recorded}: the JVM was started recording ({@code -XX:StartFlightRecording});
 * {@code later FILE}: one job runs before any recording, then the application starts one itself,
 * runs a second job and dumps the recording to FILE. Prints whether Flight Recorder was initialized
 * before the application's own recording, which the agent alone must never do.
 */
public final class JfrApp {

    public static final String JOB = "nightly-invoices";
    public static final String NESTED = "render invoice";
    public static final int CUSTOMERS = 7;

    public static void main(String[] args) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:jfr;DB_CLOSE_DELAY=-1")) {
            setUp(c);
            job(c);
            System.out.println("flight recorder initialized: " + FlightRecorder.isInitialized());
            if (args[0].equals("later")) {
                try (Recording recording = new Recording()) {
                    recording.enable("nplusone.Finding");
                    recording.enable("nplusone.ScopeSummary");
                    recording.start();
                    job(c);
                    recording.stop();
                    recording.dump(Path.of(args[1]));
                }
            }
        }
    }

    private static void job(Connection c) throws SQLException {
        try (ManualScope job = ManualScope.open(JOB)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from customer order by id")) {
                while (rs.next()) {
                    try (PreparedStatement ps = c.prepareStatement("select amount from invoice where customer_id = ?")) {
                        ps.setLong(1, rs.getLong(1));
                        ps.executeQuery().close(); // N+1: invoices of each customer
                    }
                }
            }
            try (ManualScope nested = ManualScope.open(NESTED)) {
                for (int i = 0; i < 2; i++) {
                    try (PreparedStatement ps = c.prepareStatement("select name from customer where id = ?")) {
                        ps.setLong(1, 1);
                        ps.executeQuery().close(); // duplicate: the first customer twice
                    }
                }
            }
        }
    }

    private static void setUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table customer (id bigint primary key, name varchar(40))");
            s.execute("create table invoice (id bigint auto_increment primary key, customer_id bigint, amount int)");
            for (int i = 1; i <= CUSTOMERS; i++) {
                s.execute("insert into customer values (" + i + ", 'customer " + i + "')");
                s.execute("insert into invoice (customer_id, amount) values (" + i + ", " + (i * 10) + ")");
            }
        }
    }
}

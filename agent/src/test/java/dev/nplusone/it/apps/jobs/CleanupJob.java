package dev.nplusone.it.apps.jobs;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A Quartz job with an N+1: every run counts the chunks of each upload, one query per upload. */
public class CleanupJob implements Job {

    public static final String[] SETUP = {
        "CREATE TABLE upload (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE chunk (id INT PRIMARY KEY, upload_id INT)",
        "INSERT INTO upload VALUES (1, 'a.zip'), (2, 'b.zip'), (3, 'c.zip'), (4, 'd.zip')",
        "INSERT INTO chunk VALUES (10, 1), (11, 1), (20, 2), (40, 4)",
    };
    public static final int UPLOADS = 4;
    /** Quartz makes a new instance for every run: the count is the class's. */
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try (Connection c = JobsApp.DB.open()) {
            List<Integer> uploads = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM upload ORDER BY id")) {
                while (rs.next()) {
                    uploads.add(rs.getInt(1));
                }
            }
            for (int upload : uploads) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM chunk WHERE upload_id = ?")) {
                    ps.setInt(1, upload);
                    ps.executeQuery().close(); // N+1: chunks of each upload, in a Quartz job
                }
            }
        } catch (SQLException e) {
            throw new JobExecutionException(e);
        }
        RUNS.incrementAndGet();
    }
}

package dev.nplusone.it.apps.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Spring side of {@link JobsApp}: scheduling on, the scheduler, the {@link DigestJob} bean,
 * and a scheduled method of its own. A {@code @Configuration} class runs as a CGLIB subclass
 * ({@code JobsConfig$$SpringCGLIB$$0}), whose name must not reach the report.
 */
@Configuration
@EnableScheduling
public class JobsConfig {

    private final AtomicInteger purges = new AtomicInteger();

    /** Waits for a run in progress when the context closes, so that every run's scope is closed before the report. */
    @Bean
    public ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("spring-job-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(20);
        return scheduler;
    }

    @Bean
    public DigestJob digestJob() {
        return new DigestJob(JobsApp.DB);
    }

    /** One statement a run: a scope, no finding. */
    @Scheduled(fixedDelay = 20)
    public void purge() throws SQLException {
        try (Connection c = JobsApp.DB.open(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM article WHERE id < 0");
        }
        purges.incrementAndGet();
    }

    public int purges() {
        return purges.get();
    }
}

package dev.nplusone.it.apps.jobs;

import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.Properties;
import java.util.function.IntSupplier;

/**
 * Scheduled jobs, no HTTP and no scope opened by hand: Spring's {@code @Scheduled} methods
 * ({@link DigestJob#send}, {@link JobsConfig#purge}) and a Quartz job ({@link CleanupJob}) in an
 * in-memory job store, all on a fast schedule. It stops each once it has run {@link #RUNS} times,
 * waits for runs in progress, and prints how often each ran.
 */
public final class JobsApp {

    public static final int RUNS = 4;
    static final Db DB = new Db("jobs");

    public static void main(String[] args) throws Exception {
        DB.setUp(DigestJob.SETUP);
        DB.setUp(CleanupJob.SETUP);

        Scheduler quartz = quartz();
        // exactly RUNS runs: the first now, then RUNS - 1 repeats
        quartz.scheduleJob(JobBuilder.newJob(CleanupJob.class).withIdentity("cleanup").build(),
                TriggerBuilder.newTrigger().startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(20).withRepeatCount(RUNS - 1))
                        .build());
        quartz.start();

        DigestJob digest;
        JobsConfig config;
        try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(JobsConfig.class)) {
            digest = spring.getBean(DigestJob.class);
            config = spring.getBean(JobsConfig.class);
            awaitRuns(digest::runs);
            awaitRuns(config::purges);
        } // closing waits for a run in progress; Spring's schedule may have run a little more than RUNS times
        awaitRuns(CleanupJob.RUNS::get);
        quartz.shutdown(true);

        System.out.println("digest runs: " + digest.runs());
        System.out.println("purge runs: " + config.purges());
        System.out.println("cleanup runs: " + CleanupJob.RUNS.get());
        System.out.println("configuration class: " + config.getClass().getSimpleName());
    }

    private static Scheduler quartz() throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "jobs");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return new StdSchedulerFactory(p).getScheduler();
    }

    private static void awaitRuns(IntSupplier runs) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (runs.getAsInt() < RUNS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ran " + runs.getAsInt() + " times in 30 s, not " + RUNS);
            }
            Thread.sleep(10);
        }
    }
}

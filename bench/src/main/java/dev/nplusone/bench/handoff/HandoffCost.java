package dev.nplusone.bench.handoff;

import dev.nplusone.api.NPlusOne;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What carrying scopes across threads costs ({@code docs/threads.md}): nanoseconds per task handed
 * to a fixed pool ({@code execute}) and per {@code CompletableFuture.supplyAsync} stage on the common
 * pool, submitted outside any scope and inside one. Run it with and without the agent (and with
 * {@code propagate=false}) and compare the lines: the JVM without the agent is the baseline.
 *
 * <pre>
 * java -cp bench/target/nplusone-bench.jar dev.nplusone.bench.handoff.HandoffCost
 * java -javaagent:agent/target/nplusone-agent.jar=log=off -cp bench/target/nplusone-bench.jar dev.nplusone.bench.handoff.HandoffCost
 * </pre>
 *
 * A wall-clock figure over many tasks, best of {@link #ROUNDS} rounds after as many of warm-up; not
 * JMH, because what is measured is the JDK's own pool with the agent's advice inlined into it.
 */
public final class HandoffCost {

    static final int TASKS = 200_000;
    static final int ROUNDS = 5;

    private HandoffCost() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        System.out.printf("pool execute, outside a scope:      %6.0f ns per task%n", best(() -> pool(pool)));
        System.out.printf("pool execute, inside a scope:       %6.0f ns per task%n", best(() -> inScope(() -> pool(pool))));
        System.out.printf("supplyAsync, outside a scope:       %6.0f ns per task%n", best(HandoffCost::completable));
        System.out.printf("supplyAsync, inside a scope:        %6.0f ns per task%n", best(() -> inScope(HandoffCost::completable)));
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    interface Work {
        void run() throws Exception;
    }

    private static double best(Work work) throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            work.run();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return (double) best / TASKS;
    }

    private static void inScope(Work work) throws Exception {
        try (NPlusOne.Scope scope = NPlusOne.scope("bench")) {
            work.run();
        }
    }

    private static void pool(ExecutorService pool) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        for (int i = 0; i < TASKS; i++) {
            pool.execute(done::countDown); // the submitting line
        }
        done.await();
    }

    private static void completable() {
        List<CompletableFuture<Integer>> stages = new ArrayList<>(1_000);
        for (int i = 0; i < TASKS; i++) {
            int n = i;
            stages.add(CompletableFuture.supplyAsync(() -> n));
            if (stages.size() == 1_000) {
                CompletableFuture.allOf(stages.toArray(new CompletableFuture<?>[0])).join();
                stages.clear();
            }
        }
        CompletableFuture.allOf(stages.toArray(new CompletableFuture<?>[0])).join();
    }
}

package dev.nplusone.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator, run in a JVM of its own so that it never shares a heap, a JIT
 * or a safepoint with the server it measures: {@code concurrency} workers each send a request,
 * wait for the whole response, and send the next, for a warm-up and then a measured window.
 *
 * <p>Prints one line per figure ({@code rps}, {@code p50_us}, ...): requests completed inside the
 * measured window, per second, and the latencies of those requests.
 *
 * <pre>java -cp nplusone-bench.jar dev.nplusone.bench.http.LoadGenerator URL CONCURRENCY WARMUP_S MEASURE_S</pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        long warmup = Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        long window = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
        long begin = System.nanoTime();
        long from = begin + warmup;
        long until = from + window;
        AtomicLong errors = new AtomicLong();
        Worker[] workers = new Worker[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(client, request, from, until, errors);
            workers[i].start();
        }
        long[] all = new long[0];
        for (Worker w : workers) {
            w.join();
            long[] mine = Arrays.copyOf(w.latencies, w.count);
            long[] merged = Arrays.copyOf(all, all.length + mine.length);
            System.arraycopy(mine, 0, merged, all.length, mine.length);
            all = merged;
        }
        Arrays.sort(all);
        double seconds = window / 1e9;
        System.out.println("requests " + all.length);
        System.out.println("errors " + errors.get());
        System.out.printf("rps %.3f%n", all.length / seconds);
        System.out.println("p50_us " + percentile(all, 50) / 1000);
        System.out.println("p90_us " + percentile(all, 90) / 1000);
        System.out.println("p99_us " + percentile(all, 99) / 1000);
    }

    private static long percentile(long[] ascending, double p) {
        if (ascending.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(0, rank - 1)];
    }

    private static final class Worker extends Thread {
        private final HttpClient client;
        private final HttpRequest request;
        private final long from;
        private final long until;
        private final AtomicLong errors;
        long[] latencies = new long[1024];
        int count;

        Worker(HttpClient client, HttpRequest request, long from, long until, AtomicLong errors) {
            super("load");
            this.client = client;
            this.request = request;
            this.from = from;
            this.until = until;
            this.errors = errors;
        }

        @Override
        public void run() {
            while (System.nanoTime() < until) {
                long sent = System.nanoTime();
                boolean ok;
                try {
                    ok = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    ok = false;
                }
                long done = System.nanoTime();
                if (!ok) {
                    errors.incrementAndGet();
                } else if (done >= from && done <= until) {
                    // A request counts where it completes: throughput is completions per second of the window.
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = done - sent;
                }
            }
        }
    }
}

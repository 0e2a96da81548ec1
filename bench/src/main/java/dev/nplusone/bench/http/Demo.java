package dev.nplusone.bench.http;

import dev.nplusone.bench.Jvm;
import dev.nplusone.bench.Settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo application in a child JVM, with or without the agent, serving on a free port. */
public final class Demo implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

    public final boolean agent;
    public final int port;
    /** The JVM's uptime when Spring Boot logged "Started", in seconds, as the demo itself reports it. */
    public final double startedAfterSeconds;
    private final Process process;

    private Demo(boolean agent, int port, double startedAfterSeconds, Process process) {
        this.agent = agent;
        this.port = port;
        this.startedAfterSeconds = startedAfterSeconds;
        this.process = process;
    }

    /** Starts the demo and returns once it has logged its "Started" line. */
    public static Demo start(Settings settings, boolean agent) throws IOException, InterruptedException {
        int port = freePort();
        List<String> options = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        if (agent) {
            options.add(settings.agentArgument("demo-agent.log"));
        }
        Process process = new ProcessBuilder(Jvm.command(options, "-jar", settings.demoJar.toString(), "--server.port=" + port))
                .redirectErrorStream(true).start();
        CompletableFuture<Double> started = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> read(process, started, tail), "demo output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Demo(agent, port, started.get(180, TimeUnit.SECONDS), process);
        } catch (Exception e) {
            process.destroyForcibly();
            synchronized (tail) {
                throw new IllegalStateException("the demo did not start (" + e + "); its last lines:\n" + String.join("\n", tail));
            }
        }
    }

    // Reads the demo's output to its end, so that the pipe never fills and blocks it.
    private static void read(Process process, CompletableFuture<Double> started, Deque<String> tail) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    started.complete(Double.parseDouble(m.group(2)));
                }
            }
        } catch (IOException ended) {
            // the process is gone; whoever waits is told below
        }
        started.completeExceptionally(new TimeoutException("the demo's output ended before its Started line"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // a normal exit: the agent writes its summary as it would in production
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package dev.nplusone.demo.database;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay between the application and its database that makes the database seem further away:
 * it accepts on 127.0.0.1 (an ephemeral port), forwards the bytes of each connection both ways, and
 * holds back the database's answer to each request by the configured round trip.
 *
 * <p>The delay is paid once per round trip, not per packet: when bytes flow from the database to the
 * application after bytes flowed from the application to the database, that turn waits {@code
 * delay} before its first byte goes on. A statement that takes one round trip then takes {@code
 * delay} longer, as it would across a network; a JDBC batch that the driver sends in one go pays it
 * once. Bandwidth is not limited, and the delay is added on top of loopback's own few microseconds.
 */
public final class RoundTripRelay implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(RoundTripRelay.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ServerSocket listener;
    private final int targetPort;
    private final long delayNanos;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RoundTripRelay(ServerSocket listener, int targetPort, Duration delay) {
        this.listener = listener;
        this.targetPort = targetPort;
        this.delayNanos = delay.toNanos();
    }

    /** Starts relaying from a new ephemeral port on 127.0.0.1 to the given port on 127.0.0.1. */
    public static RoundTripRelay start(int targetPort, Duration delay) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        RoundTripRelay relay = new RoundTripRelay(listener, targetPort, delay);
        daemon("round-trip-relay-accept", relay::acceptLoop).start();
        log.info("Round-trip relay on 127.0.0.1:{} adds {} to each round trip to 127.0.0.1:{}",
                listener.getLocalPort(), format(delay), targetPort);
        return relay;
    }

    /** The port the application connects to instead of the database's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** A duration as a person writes it: {@code 0.2 ms}, {@code 1 ms}. */
    public static String format(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                relay(listener.accept());
            } catch (IOException e) {
                if (!closed) {
                    log.warn("Round-trip relay could not accept a connection: {}", e.toString());
                }
            }
        }
    }

    /** Connects to the database for one connection of the application's, and pumps both ways. */
    private void relay(Socket client) {
        Socket server;
        try {
            server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            log.warn("Round-trip relay could not connect to 127.0.0.1:{}: {}", targetPort, e.toString());
            closeQuietly(client); // the application sees its connection fail, as it would without the relay
            return;
        }
        sockets.add(client);
        sockets.add(server);
        // Set by the application's side when it sends, taken by the database's side when it answers.
        AtomicBoolean requestSent = new AtomicBoolean();
        daemon("round-trip-relay-request", () -> pump(client, server, requestSent, false)).start();
        daemon("round-trip-relay-response", () -> pump(server, client, requestSent, true)).start();
    }

    /**
     * Copies one direction of a connection until it ends. The request side marks that a request went
     * out; the response side waits the round trip before the first bytes of each answer.
     */
    private void pump(Socket from, Socket to, AtomicBoolean requestSent, boolean isResponse) {
        byte[] buffer = new byte[BUFFER_SIZE];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (isResponse) {
                    if (requestSent.getAndSet(false)) {
                        pause();
                    }
                } else {
                    requestSent.set(true); // before forwarding, so that the answer cannot overtake the mark
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // The other side closed the connection: closing both sockets (try-with-resources) ends the other pump.
        } finally {
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Waits the round trip; parkNanos is precise to tens of microseconds on Linux, unlike Thread.sleep's millisecond. */
    private void pause() {
        long deadline = System.nanoTime() + delayNanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed anyway
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}

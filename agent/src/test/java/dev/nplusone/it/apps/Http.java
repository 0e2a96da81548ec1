package dev.nplusone.it.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Small HTTP helpers for the test applications: loopback servers, plain responses, checked requests. */
public final class Http {

    private Http() {
    }

    /** A JDK HTTP server on 127.0.0.1 and a free port, its handlers run by {@code handlers}. */
    public static HttpServer loopbackServer(ExecutorService handlers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        return server;
    }

    public static URI base(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Stops the server and waits until every handler has returned, so that each request scope is
     * closed (and reported) before the JVM exits.
     */
    public static void stop(HttpServer server, ExecutorService handlers) throws InterruptedException {
        server.stop(0);
        handlers.shutdown();
        if (!handlers.awaitTermination(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("request handlers still running");
        }
    }

    public static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Sends the request and returns the body; throws unless the status is 200. */
    public static String send(HttpClient client, String method, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return check(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    public static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return send(client, "GET", uri);
    }

    static String check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}

package dev.nplusone.demo.tour;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the running demo over HTTP, one request at a time, and measures each request. */
public class ApiClient {

    /** An answer, with the statements the server ran for it and the time it took to arrive whole. */
    public record Response(int status, String body, long statements, long nanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final StatementCounter counter;

    /** @param base the server's root, e.g. {@code http://127.0.0.1:8080/} */
    public ApiClient(URI base, StatementCounter counter) {
        this.base = base;
        this.counter = counter;
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /** Sends a request with the given JSON body, or with none when it is null. */
    public Response send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (jsonBody == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        HttpRequest request = builder.build();
        long statementsBefore = counter.count();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - started;
        return new Response(response.statusCode(), response.body(), counter.count() - statementsBefore, nanos);
    }
}

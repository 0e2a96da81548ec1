package dev.nplusone.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to an application under test, each checked for its status and a piece of its body. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Http() {
    }

    static String get(URI uri, String expectedInBody) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), 200, expectedInBody);
    }

    static String postJson(URI uri, String json, int expectedStatus, String expectedInBody) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), expectedStatus, expectedInBody);
    }

    private static String send(HttpRequest request, int expectedStatus, String expectedInBody) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(expectedStatus, response.statusCode(), () -> request + " answered " + response.body());
            assertTrue(response.body().contains(expectedInBody), () -> request + ": '" + expectedInBody + "' in " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(request + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package org.springframework.shadedsample;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.shadedsample.catalog.Catalog;
import org.springframework.shadedsample.db.Database;

/**
 * The catalogue service: GET /catalog lists every product group with its products, on the JDK's
 * HTTP server. It serves one request and exits (a job a scheduler starts, or a smoke test of the
 * shipped jar), so that whoever started it finds the agent's report written when it ends.
 */
public final class CatalogServer {

    private CatalogServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (Database database = Database.inMemory()) {
            Catalog catalog = new Catalog(database.dataSource());
            CountDownLatch served = new CountDownLatch(1);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService workers = Executors.newSingleThreadExecutor();
            server.setExecutor(workers);
            server.createContext("/catalog", exchange -> {
                try (exchange) {
                    byte[] body = catalog.describe().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } finally {
                    served.countDown();
                }
            });
            server.start();
            System.out.println("catalog-service: listening on http://127.0.0.1:" + server.getAddress().getPort());
            served.await();
            server.stop(0);
            workers.shutdown();
        }
    }
}

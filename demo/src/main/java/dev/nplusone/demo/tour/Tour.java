package dev.nplusone.demo.tour;

import dev.nplusone.demo.database.DatabaseProperties;
import dev.nplusone.demo.seed.SeedProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The self-driving tour ({@code --demo.tour=true}). Once the server is up, it calls every endpoint
 * in its naive and its eager version over HTTP, a few times to warm up and then timed, and prints
 * a table: statements per request, median latency, speedup, and whether both versions answered
 * the same JSON. The application then exits, unless {@code --demo.tour.keep-running=true}.
 */
@Component
@ConditionalOnBooleanProperty("demo.tour")
public class Tour implements ApplicationRunner {

    private final Environment environment;
    private final StatementCounter counter;
    private final SeedProperties seed;
    private final DatabaseProperties database;
    private final int warmups;
    private final int runs;

    Tour(Environment environment, StatementCounter counter, SeedProperties seed, DatabaseProperties database,
            @Value("${demo.tour.warmups:5}") int warmups, @Value("${demo.tour.runs:7}") int runs) {
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("demo.tour.warmups must be at least 0 and demo.tour.runs at least 1");
        }
        this.environment = environment;
        this.counter = counter;
        this.seed = seed;
        this.database = database;
        this.warmups = warmups;
        this.runs = runs;
    }

    /** Whether the application should exit once it has started: after a tour, unless told to keep running. */
    public static boolean exitsWhenStarted(Environment environment) {
        return environment.getProperty("demo.tour", Boolean.class, false)
                && !environment.getProperty("demo.tour.keep-running", Boolean.class, false);
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException, InterruptedException, URISyntaxException {
        URI base = baseUri();
        ApiClient client = new ApiClient(base, counter);
        List<TourTable.Row> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.ALL) {
            rows.add(measure(client, endpoint));
        }
        System.out.printf("%nnplusone demo tour: %s; median of %d requests after %d to warm up%n",
                seed.describe(), runs, warmups);
        System.out.printf("Database: %s%n%n", database.describe());
        System.out.println(TourTable.render(rows));
        if (!exitsWhenStarted(environment)) {
            System.out.println("The tour is over; still serving at " + base + " (Ctrl+C to stop)");
        }
    }

    /** Both versions of one endpoint, called in turn, so that a busy machine slows both alike. */
    private TourTable.Row measure(ApiClient client, Endpoint endpoint) throws IOException, InterruptedException {
        for (int i = 0; i < warmups; i++) {
            call(client, endpoint, endpoint.naivePath());
            call(client, endpoint, endpoint.eagerPath());
        }
        Samples naive = new Samples(runs);
        Samples eager = new Samples(runs);
        for (int i = 0; i < runs; i++) {
            naive.add(call(client, endpoint, endpoint.naivePath()));
            eager.add(call(client, endpoint, endpoint.eagerPath()));
        }
        return new TourTable.Row(endpoint.label(), naive.measured(), eager.measured());
    }

    private static ApiClient.Response call(ApiClient client, Endpoint endpoint, String path)
            throws IOException, InterruptedException {
        ApiClient.Response response = client.send(endpoint.method(), path, endpoint.body());
        if (response.status() != 200) {
            throw new IllegalStateException(endpoint.method() + " " + path + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    /** The timed requests to one version of an endpoint. */
    private static final class Samples {

        private final long[] statements;
        private final long[] nanos;
        private int count;
        private String body;

        Samples(int runs) {
            statements = new long[runs];
            nanos = new long[runs];
        }

        void add(ApiClient.Response response) {
            statements[count] = response.statements();
            nanos[count] = response.nanos();
            body = response.body();
            count++;
        }

        TourTable.Measured measured() {
            return new TourTable.Measured(median(statements), median(nanos) / 1e6, body);
        }

        /** The middle value; for an even count, the upper of the two middle ones. */
        private static long median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    /** Where this server listens, as seen from this machine: a wildcard address becomes loopback. */
    private URI baseUri() throws IOException, URISyntaxException {
        InetAddress address = InetAddress.getByName(environment.getProperty("server.address", "127.0.0.1"));
        if (address.isAnyLocalAddress()) {
            address = InetAddress.getLoopbackAddress();
        }
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        return new URI("http", null, address.getHostAddress(), port, "/", null, null);
    }
}

package dev.nplusone.demo.tour;

import java.util.List;

/**
 * One endpoint of the demo, served naive under {@code /naive} and eager under {@code /eager}: the
 * list that the tour, the measurements and the tests go through.
 *
 * @param method the HTTP method
 * @param path   the path after the version prefix, e.g. {@code /events/1}
 * @param body   a JSON request body, or null for none
 */
public record Endpoint(String method, String path, String body) {

    /** The query that both GraphQL paths answer; the response is the same JSON for both. */
    public static final String GRAPHQL_QUERY =
            "{\"query\":\"{ events { id name attendees { id name organization } } }\"}";

    /** Every pair, in the order the tour visits them. */
    public static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/events", null),             // JSON through a DTO mapper
            new Endpoint("GET", "/events/1", null),
            new Endpoint("GET", "/organizations", null),      // lazy loads inside Jackson
            new Endpoint("GET", "/pages/events", null),       // a Thymeleaf page
            new Endpoint("POST", "/graphql", GRAPHQL_QUERY),  // @SchemaMapping against @BatchMapping
            new Endpoint("GET", "/fan-out/events", null),     // a select per event on parallel threads
            new Endpoint("POST", "/events/1/check-ins", null)); // a write path: INSERT per row against a batch

    public String naivePath() {
        return "/naive" + path;
    }

    public String eagerPath() {
        return "/eager" + path;
    }

    /** How the tour's table names it, e.g. {@code POST /graphql}. */
    public String label() {
        return method + " " + path;
    }
}

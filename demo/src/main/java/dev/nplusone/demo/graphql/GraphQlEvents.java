package dev.nplusone.demo.graphql;

/**
 * The parents of the GraphQL {@code attendees} field. Spring for GraphQL names an object's GraphQL
 * type after its class ({@code ClassNameTypeResolver}), so these two records decide which of the
 * two fetchers below runs for an event's attendees.
 */
final class GraphQlEvents {

    private GraphQlEvents() {
    }

    /** An event whose attendees load one event at a time. */
    record NaiveEvent(long id, String name) {
    }

    /** An event whose attendees load for all events in one batch. */
    record EagerEvent(long id, String name) {
    }
}

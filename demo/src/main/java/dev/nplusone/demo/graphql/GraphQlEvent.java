package dev.nplusone.demo.graphql;

/**
 * An event as the GraphQL schema's {@code Event} interface, and the parent of its {@code attendees}
 * field. Spring for GraphQL names an object's GraphQL type after its class
 * ({@code ClassNameTypeResolver}), so which of these two records an event is decides which of
 * {@link EventGraphController}'s two fetchers loads its attendees.
 */
sealed interface GraphQlEvent {

    /** An event whose attendees load one event at a time. */
    record NaiveEvent(long id, String name) implements GraphQlEvent {
    }

    /** An event whose attendees load for all events in one batch. */
    record EagerEvent(long id, String name) implements GraphQlEvent {
    }
}

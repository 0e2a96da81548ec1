package dev.nplusone.scope;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/events/42                                        | GET /events/{id}",
        "/events/42/attendees/7                            | GET /events/{id}/attendees/{id}",
        "/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301/items | GET /orders/{id}/items",
        "/events/v2                                        | GET /events/v2",
        "/                                                 | GET /",
        "/events/                                          | GET /events/",
    })
    void identifiersBecomeOneSegment(String path, String name) {
        assertEquals(name, RouteNames.name("GET", path));
    }
}

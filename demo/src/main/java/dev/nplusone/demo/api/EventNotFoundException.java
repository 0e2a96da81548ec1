package dev.nplusone.demo.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Answered as a 404 with a JSON problem detail (spring.mvc.problemdetails.enabled). */
class EventNotFoundException extends ResponseStatusException {

    EventNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "No event with id " + id);
    }
}

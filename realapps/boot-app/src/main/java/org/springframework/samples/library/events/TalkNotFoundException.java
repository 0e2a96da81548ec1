package org.springframework.samples.library.events;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class TalkNotFoundException extends RuntimeException {

    public TalkNotFoundException(long id) {
        super("no talk " + id);
    }
}

package org.springframework.samples.library.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.samples.library.events.RegistrationService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TalkController {

    private final RegistrationService registrations;

    TalkController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /** Signs up the readers named in the body, a JSON array of names; answers their ids. */
    @PostMapping("/api/talks/{talkId}/attendees")
    @ResponseStatus(HttpStatus.CREATED)
    List<Long> register(@PathVariable long talkId, @RequestBody List<String> names) {
        return registrations.register(talkId, names);
    }
}

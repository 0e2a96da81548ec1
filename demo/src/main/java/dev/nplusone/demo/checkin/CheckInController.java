package dev.nplusone.demo.checkin;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks in every attendee of an event, row by row (naive) or in one JDBC batch (eager). */
@RestController
public class CheckInController {

    private final CheckInService checkIns;

    CheckInController(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @PostMapping("/naive/events/{id}/check-ins")
    public CheckInsDto naive(@PathVariable long id) {
        return checkIns.oneByOne(id);
    }

    @PostMapping("/eager/events/{id}/check-ins")
    public CheckInsDto eager(@PathVariable long id) {
        return checkIns.batched(id);
    }
}

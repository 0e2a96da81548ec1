package org.springframework.samples.library.events;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RegistrationService {

    private final TalkRepository talks;
    private final AttendeeRepository attendees;

    RegistrationService(TalkRepository talks, AttendeeRepository attendees) {
        this.talks = talks;
        this.attendees = attendees;
    }

    /**
     * Signs readers up for a talk, one save per reader: with IDENTITY keys Hibernate inserts each at
     * once, one statement each, where one JDBC batch would do (not an N+1: nothing is read).
     *
     * @return the new attendees' ids, in the order of the names
     */
    @Transactional
    public List<Long> register(long talkId, List<String> names) {
        Talk talk = talks.findById(talkId).orElseThrow(() -> new TalkNotFoundException(talkId));
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            Attendee attendee = attendees.save(new Attendee(talk, name)); // batchable: one insert per reader
            ids.add(attendee.getId());
        }
        return ids;
    }
}

package dev.nplusone.demo.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface CheckInRepository extends Repository<CheckIn, CheckIn.Key> {

    /** One statement, whatever the number of rows. */
    @Modifying
    @Query("delete from CheckIn c where c.eventId = :eventId")
    int deleteByEventId(long eventId);

    @Query("select c.attendeeId from CheckIn c where c.eventId = :eventId order by c.attendeeId")
    List<Long> findAttendeeIdsByEventId(long eventId);
}

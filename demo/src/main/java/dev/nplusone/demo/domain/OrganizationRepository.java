package dev.nplusone.demo.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface OrganizationRepository extends Repository<Organization, Long> {

    /** The organizations alone: their attendees, and those attendees' events, load later one by one. */
    List<Organization> findAllByOrderByIdAsc();

    /**
     * The organizations with their attendees and those attendees' events, all in this one select:
     * everything an OrganizationView reads.
     */
    @Query("""
            select o from Organization o
            left join fetch o.attendees a
            left join fetch a.events
            order by o.id""")
    List<Organization> findAllWithAttendeesAndTheirEvents();
}

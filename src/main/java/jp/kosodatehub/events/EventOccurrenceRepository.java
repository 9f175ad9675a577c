package jp.kosodatehub.events;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EventOccurrenceRepository extends JpaRepository<EventOccurrence, Long>,
        JpaSpecificationExecutor<EventOccurrence>, OccurrencePages {

    @Override
    @EntityGraph(attributePaths = {"event", "event.organisation", "event.kind", "event.district"},
            type = EntityGraph.EntityGraphType.LOAD)
    Page<EventOccurrence> findAll(Specification<EventOccurrence> spec, Pageable pageable);

    @Override
    @EntityGraph(attributePaths = {"event", "event.organisation", "event.kind", "event.district"},
            type = EntityGraph.EntityGraphType.LOAD)
    List<EventOccurrence> findAll(Specification<EventOccurrence> spec);

    List<EventOccurrence> findByEventIdOrderByOriginalStartAsc(Long eventId);

    @Query("select o from EventOccurrence o where o.event.id = :eventId and o.endsAt >= :after"
            + " order by o.startsAt, o.id")
    List<EventOccurrence> upcoming(Long eventId, LocalDateTime after, Pageable pageable);

    /** Dates held as announced of published events tagged with the initiative, starting within the range. */
    @Query("select o from EventOccurrence o join fetch o.event e where :initiativeId member of e.initiativeIds"
            + " and e.status = :published and o.cancelled = false and o.startsAt >= :from and o.startsAt < :until"
            + " order by o.startsAt, o.id")
    List<EventOccurrence> heldForInitiative(Long initiativeId, EventStatus published, LocalDateTime from,
                                            LocalDateTime until, Pageable pageable);

    @Query("select new jp.kosodatehub.events.MonthCount(year(o.startsAt), month(o.startsAt), count(o))"
            + " from EventOccurrence o join o.event e where :initiativeId member of e.initiativeIds"
            + " and e.status = :published and o.cancelled = false and o.startsAt >= :from and o.startsAt < :until"
            + " group by year(o.startsAt), month(o.startsAt) order by year(o.startsAt), month(o.startsAt)")
    List<MonthCount> heldForInitiativeByMonth(Long initiativeId, EventStatus published, LocalDateTime from,
                                              LocalDateTime until);

    /** Keeps the dates' copy of their event's public status in step; see {@link EventOccurrence}. */
    @Modifying
    @Query("update EventOccurrence o set o.eventPublic = :isPublic where o.event.id = :eventId")
    int markPublic(Long eventId, boolean isPublic);

    @Query("select count(o) from EventOccurrence o where o.event.id = :eventId")
    long countByEvent(Long eventId);
}

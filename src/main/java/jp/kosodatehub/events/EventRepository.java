package jp.kosodatehub.events;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface EventRepository extends JpaRepository<Event, Long>, JpaSpecificationExecutor<Event> {

    @Override
    @EntityGraph(attributePaths = {"organisation", "kind", "district"},
            type = EntityGraph.EntityGraphType.LOAD)
    Page<Event> findAll(Specification<Event> spec, Pageable pageable);

    @EntityGraph(attributePaths = {"organisation", "kind", "district"},
            type = EntityGraph.EntityGraphType.LOAD)
    List<Event> findByStatusOrderBySubmittedAtAscIdAsc(EventStatus status, Pageable pageable);

    long countByStatus(EventStatus status);

    @Query("select e from Event e where not exists (select o.id from EventOccurrence o where o.event = e)")
    List<Event> withoutDates();

    /** Series whose count of dates can run past skipped days; see {@link Occurrences#recount()}. */
    @Query("select e from Event e where e.recurrenceRule like '%COUNT=%'"
            + " and (e.skipHolidays = true or e.skipFrom is not null)")
    List<Event> countedSeriesWithSkips();

    @Query("select max(e.updatedAt) from Event e")
    Optional<Instant> lastUpdate();

    @Query("select count(e) from Event e where :initiativeId member of e.initiativeIds")
    long countTaggedWith(Long initiativeId);

    long countByStatusIn(Collection<EventStatus> statuses);
}

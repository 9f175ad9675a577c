package jp.kosodatehub.events;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface EventRepository extends JpaRepository<Event, Long>, JpaSpecificationExecutor<Event> {

    @Override
    @EntityGraph(attributePaths = {"organisation", "kind", "district"},
            type = EntityGraph.EntityGraphType.LOAD)
    Page<Event> findAll(Specification<Event> spec, Pageable pageable);

    @EntityGraph(attributePaths = {"organisation", "kind", "district"},
            type = EntityGraph.EntityGraphType.LOAD)
    List<Event> findByStatusOrderBySubmittedAtAscIdAsc(EventStatus status, Pageable pageable);

    long countByStatus(EventStatus status);

    long countByStatusIn(Collection<EventStatus> statuses);
}

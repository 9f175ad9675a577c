package jp.kosodatehub.events;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OccurrenceChangeRepository extends JpaRepository<OccurrenceChange, Long> {

    List<OccurrenceChange> findByEventIdOrderByOriginalStartAsc(Long eventId);

    Optional<OccurrenceChange> findByEventIdAndOriginalStart(Long eventId, LocalDateTime originalStart);
}

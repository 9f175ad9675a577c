package jp.kosodatehub.events;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventStatusChangeRepository extends JpaRepository<EventStatusChange, Long> {

    List<EventStatusChange> findByEventIdOrderByChangedAtAscIdAsc(Long eventId);

    Optional<EventStatusChange> findFirstByEventIdAndToStatusOrderByChangedAtDescIdDesc(Long eventId,
                                                                                       EventStatus toStatus);
}

package jp.kosodatehub.reference;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventKindRepository extends JpaRepository<EventKind, Long> {

    List<EventKind> findAllByOrderBySortOrderAscIdAsc();

    List<EventKind> findByActiveTrueOrderBySortOrderAscIdAsc();

    Optional<EventKind> findByCode(String code);
}

package jp.kosodatehub.goals;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TargetImageRepository extends JpaRepository<TargetImage, Long> {

    List<TargetImage> findByInitiativeIdInOrderBySortOrderAscIdAsc(Collection<Long> initiativeIds);

    long countByInitiativeId(Long initiativeId);
}

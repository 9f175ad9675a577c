package jp.kosodatehub.goals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PillarRepository extends JpaRepository<Pillar, Long> {

    List<Pillar> findByPlanIdOrderByNumberAscIdAsc(Long planId);

    boolean existsByPlanIdAndNumberAndIdNot(Long planId, int number, Long id);
}

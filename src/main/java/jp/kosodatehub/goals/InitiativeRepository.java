package jp.kosodatehub.goals;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InitiativeRepository extends JpaRepository<Initiative, Long> {

    List<Initiative> findByPillarIdInOrderByNumberAscIdAsc(Collection<Long> pillarIds);

    boolean existsByPillarIdAndNumberAndIdNot(Long pillarId, int number, Long id);
}

package jp.kosodatehub.goals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IndicatorResultRepository extends JpaRepository<IndicatorResult, Long> {

    List<IndicatorResult> findByIndicatorIdOrderByDateAscIdAsc(Long indicatorId);

    /** Results no later result corrects: the figures that count. */
    @Query("select r from IndicatorResult r where r.indicatorId = :indicatorId and not exists"
            + " (select c.id from IndicatorResult c where c.correctsId = r.id) order by r.date, r.id")
    List<IndicatorResult> current(Long indicatorId);

    boolean existsByCorrectsId(Long correctsId);
}

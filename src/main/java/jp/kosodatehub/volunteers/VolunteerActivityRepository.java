package jp.kosodatehub.volunteers;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface VolunteerActivityRepository extends JpaRepository<VolunteerActivity, Long>, JpaSpecificationExecutor<VolunteerActivity> {

    List<VolunteerActivity> findByApplicantId(Long applicantId, Pageable page);

    @Query("select coalesce(sum(a.hours), 0) from VolunteerActivity a where a.applicantId = :applicantId")
    BigDecimal totalHours(Long applicantId);
}

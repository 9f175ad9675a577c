package jp.kosodatehub.volunteers;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ApplicantNoteRepository extends JpaRepository<ApplicantNote, Long>, JpaSpecificationExecutor<ApplicantNote> {

    List<ApplicantNote> findByApplicantId(Long applicantId, Pageable page);

    @Modifying
    @Query("delete from ApplicantNote n where n.applicantId in :applicantIds")
    int deleteForApplicants(Collection<Long> applicantIds);
}

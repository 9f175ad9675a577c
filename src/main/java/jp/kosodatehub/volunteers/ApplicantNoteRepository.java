package jp.kosodatehub.volunteers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ApplicantNoteRepository extends JpaRepository<ApplicantNote, Long>, JpaSpecificationExecutor<ApplicantNote> {
}

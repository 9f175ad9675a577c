package jp.kosodatehub.goals;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TargetImageNoteRepository extends JpaRepository<TargetImageNote, Long> {

    List<TargetImageNote> findByTargetImageIdOrderByDateAscIdAsc(Long targetImageId);
}

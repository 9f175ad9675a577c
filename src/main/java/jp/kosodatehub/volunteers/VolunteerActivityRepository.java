package jp.kosodatehub.volunteers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface VolunteerActivityRepository extends JpaRepository<VolunteerActivity, Long>, JpaSpecificationExecutor<VolunteerActivity> {
}

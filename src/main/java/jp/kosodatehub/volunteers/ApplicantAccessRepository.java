package jp.kosodatehub.volunteers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ApplicantAccessRepository extends JpaRepository<ApplicantAccess, Long>, JpaSpecificationExecutor<ApplicantAccess> {
}

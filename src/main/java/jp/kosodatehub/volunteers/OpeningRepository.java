package jp.kosodatehub.volunteers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface OpeningRepository extends JpaRepository<Opening, Long>, JpaSpecificationExecutor<Opening> {
}

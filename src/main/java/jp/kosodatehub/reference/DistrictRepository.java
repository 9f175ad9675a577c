package jp.kosodatehub.reference;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DistrictRepository extends JpaRepository<District, Long> {

    List<District> findAllByOrderBySortOrderAscIdAsc();

    List<District> findByActiveTrueOrderBySortOrderAscIdAsc();

    Optional<District> findByCode(String code);
}

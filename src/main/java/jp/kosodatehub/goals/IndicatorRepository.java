package jp.kosodatehub.goals;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IndicatorRepository extends JpaRepository<Indicator, Long> {

    List<Indicator> findByInitiativeIdInOrderByIdAsc(Collection<Long> initiativeIds);

    List<Indicator> findByResponsibleOrganisationIdOrderByIdAsc(Long organisationId);

    List<Indicator> findByComputedSourceOrderByIdAsc(ComputedDefinition.Source computedSource);
}

package jp.kosodatehub.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the indicator editor sends. Kept apart from {@link Indicator} so that a form cannot change which plan an
 * indicator belongs to behind the service's back.
 *
 * @param id null for a new indicator
 * @param breakdowns labels such as 窓口, 電話; empty for none
 * @param computed null for an indicator whose results are entered by hand
 * @param aggregation how the results add up to the figure compared with the target
 */
public record IndicatorForm(Long id, long version, Long initiativeId, String name, String unit, IndicatorKind kind,
                            Direction direction, BigDecimal baselineValue, LocalDate baselineDate,
                            BigDecimal targetValue, Integer targetFiscalYear, Long responsibleOrganisationId,
                            String responsibleDepartment, UpdateFrequency frequency, List<String> breakdowns,
                            ComputedDefinition computed, Aggregation aggregation) {

    public IndicatorForm {
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
    }

    /** A form as before aggregations existed: the latest value, or per fiscal year for a computed count. */
    public IndicatorForm(Long id, long version, Long initiativeId, String name, String unit, IndicatorKind kind,
                         Direction direction, BigDecimal baselineValue, LocalDate baselineDate,
                         BigDecimal targetValue, Integer targetFiscalYear, Long responsibleOrganisationId,
                         String responsibleDepartment, UpdateFrequency frequency, List<String> breakdowns,
                         ComputedDefinition computed) {
        this(id, version, initiativeId, name, unit, kind, direction, baselineValue, baselineDate, targetValue,
                targetFiscalYear, responsibleOrganisationId, responsibleDepartment, frequency, breakdowns, computed,
                Aggregation.defaultFor(computed));
    }

    public static IndicatorForm of(Indicator indicator) {
        return new IndicatorForm(indicator.getId(), indicator.getVersion(), indicator.getInitiativeId(),
                indicator.getName(), indicator.getUnit(), indicator.getKind(), indicator.getDirection(),
                indicator.getBaselineValue(), indicator.getBaselineDate(), indicator.getTargetValue(),
                indicator.getTargetFiscalYear(), indicator.getResponsibleOrganisationId(),
                indicator.getResponsibleDepartment(), indicator.getFrequency(), indicator.getBreakdowns(),
                indicator.getComputed(), indicator.getAggregation());
    }
}

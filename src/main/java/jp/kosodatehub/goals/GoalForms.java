package jp.kosodatehub.goals;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the structure editors and the result form send; ids null for new records. */
public final class GoalForms {

    private GoalForms() {
    }

    public record PlanForm(Long id, long version, String name, Integer firstFiscalYear, Integer lastFiscalYear) {
    }

    public record PillarForm(Long id, long version, Long planId, Integer number, String title) {
    }

    public record InitiativeForm(Long id, long version, Long pillarId, Integer number, String title) {
    }

    public record TargetImageForm(Long id, long version, Long initiativeId, String text, TargetImageStatus status) {
    }

    /**
     * A result to record.
     *
     * @param breakdown one of the indicator's breakdown labels, or null for the total
     * @param correctsId the result this one corrects, or null for a new figure
     */
    public record ResultForm(Long indicatorId, LocalDate date, String breakdown, BigDecimal value, String note,
                             String source, Long correctsId) {
    }
}

package jp.kosodatehub.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;

/** Builds a small plan through the service, as the office would: FY2026–2030, one pillar, one initiative. */
public final class GoalTestData {

    public final Plan plan;
    public final Pillar pillar;
    public final Initiative initiative;

    public GoalTestData(GoalService goals, TestFixtures fixtures, String coordinator) {
        plan = fixtures.as(coordinator, () -> goals.savePlan(
                new PlanForm(null, 0, TestFixtures.unique("第5期 協働の指針"), 2026, 2030)));
        pillar = fixtures.as(coordinator, () -> goals.savePillar(
                new PillarForm(null, 0, plan.getId(), 1, "親子がほしい情報が見つかる発信の仕組みづくり")));
        initiative = fixtures.as(coordinator, () -> goals.saveInitiative(
                new InitiativeForm(null, 0, pillar.getId(), 1, "「とことこ」への情報集約と発信")));
    }

    /** A yearly count indicator 8 → 10 by FY2030, baseline FY2021, of the given organisation. */
    public IndicatorForm count(String name, Long organisationId) {
        return new IndicatorForm(null, 0, initiative.getId(), name, "か所", IndicatorKind.COUNT, Direction.INCREASE,
                new BigDecimal("8"), LocalDate.of(2022, 3, 31), new BigDecimal("10"), 2030, organisationId,
                organisationId == null ? "こども家庭支援課" : null, UpdateFrequency.YEARLY, List.of(), null);
    }
}

package jp.kosodatehub.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.base.validation.InvalidInputException.FieldProblem;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class GoalServiceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Autowired
    GoalService goals;

    @Autowired
    TestFixtures fixtures;

    String coordinator;
    Organisation ours;
    Organisation theirs;
    String member;
    GoalTestData data;

    @BeforeEach
    void setUp() {
        coordinator = fixtures.coordinator();
        ours = fixtures.organisation("cafeteria", false);
        theirs = fixtures.organisation("hub", false);
        member = fixtures.member(ours);
        data = new GoalTestData(goals, fixtures, coordinator);
    }

    private Indicator indicatorOf(Organisation organisation) {
        return fixtures.as(coordinator, () -> goals.saveIndicator(data.count("子ども食堂の数", organisation.getId())));
    }

    private static ResultForm result(Indicator indicator, LocalDate date, String value) {
        return new ResultForm(indicator.getId(), date, null, new BigDecimal(value), null, "年次報告", null);
    }

    private static List<String> keysOf(Throwable e) {
        return ((InvalidInputException) e).problems().stream().map(FieldProblem::messageKey).toList();
    }

    @Test
    void coordinatorBuildsThePlanTreeAndAnyoneReadsIt() {
        TargetImage image = fixtures.as(coordinator, () -> goals.saveTargetImage(new TargetImageForm(null, 0,
                data.initiative.getId(), "子育て支援情報が「とことこ」に集約されている。", TargetImageStatus.IN_PROGRESS)));
        fixtures.as(coordinator, () -> goals.addNote(image.getId(), TODAY, "令和8年度の振り返り：仕組みを試行中"));
        Indicator indicator = indicatorOf(ours);

        PlanTree tree = goals.tree(data.plan.getId());

        assertThat(tree.plan().periodLabel()).isEqualTo("令和8年度〜令和12年度");
        assertThat(tree.pillars()).singleElement().satisfies(pillar -> {
            assertThat(pillar.pillar().getTitle()).startsWith("親子がほしい情報");
            assertThat(pillar.initiatives()).singleElement().satisfies(initiative -> {
                assertThat(initiative.targetImages()).extracting(TargetImage::getStatus)
                        .containsExactly(TargetImageStatus.IN_PROGRESS);
                assertThat(initiative.indicators()).containsExactly(indicator);
            });
        });
        assertThat(goals.notes(image.getId())).singleElement()
                .satisfies(note -> assertThat(note.getAuthor()).startsWith("事務局"));
    }

    @Test
    void coordinatorEditsStructureButNotOverSomeoneElsesChange() {
        Pillar renamed = fixtures.as(coordinator, () -> goals.savePillar(new PillarForm(data.pillar.getId(),
                data.pillar.getVersion(), data.plan.getId(), 1, "情報発信の仕組みづくり")));

        assertThat(goals.tree(data.plan.getId()).pillars().getFirst().pillar().getTitle())
                .isEqualTo("情報発信の仕組みづくり");
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> goals.savePillar(new PillarForm(data.pillar.getId(),
                data.pillar.getVersion(), data.plan.getId(), 1, "古い版からの変更"))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(renamed.getVersion()).isGreaterThan(data.pillar.getVersion());
    }

    @Test
    void memberCannotChangeTheStructure() {
        assertThatThrownBy(() -> fixtures.as(member, () -> goals.savePlan(new PlanForm(null, 0, "勝手な計画", 2026,
                2030)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> goals.savePillar(new PillarForm(null, 0,
                data.plan.getId(), 2, "勝手な柱")))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> goals.saveIndicator(data.count("勝手な指標",
                ours.getId())))).isInstanceOf(AccessDeniedException.class);

        assertThat(goals.tree(data.plan.getId()).pillars()).hasSize(1);
    }

    @Test
    void pillarNumbersAreUniqueWithinAPlan() {
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> goals.savePillar(new PillarForm(null, 0,
                data.plan.getId(), 1, "二つ目の1番"))))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.number-taken"));
    }

    @Test
    void indicatorWithBadInputIsRefusedWithEveryProblem() {
        IndicatorForm good = data.count("子ども食堂の数", ours.getId());
        IndicatorForm bad = new IndicatorForm(null, 0, good.initiativeId(), "<b>食堂</b>", good.unit(),
                IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("10"), good.baselineDate(),
                new BigDecimal("8"), 2031, null, null, null, List.of("窓口", "窓口"), null);

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> goals.saveIndicator(bad)))
                .satisfies(e -> assertThat(keysOf(e)).contains("validation.markup",
                        "goals.validation.target-year-outside-plan", "goals.validation.target-wrong-direction",
                        "goals.validation.responsible-required", "goals.validation.duplicate-breakdown")
                        .contains("validation.required"));
    }

    @Test
    void doneIndicatorsTakeOnlyZeroOrOne() {
        IndicatorForm good = data.count("ヤングケアラー実態調査", ours.getId());
        IndicatorForm done = new IndicatorForm(null, 0, good.initiativeId(), good.name(), null, IndicatorKind.DONE,
                Direction.ACHIEVE, BigDecimal.ZERO, good.baselineDate(), new BigDecimal("2"), 2027, ours.getId(), null,
                UpdateFrequency.YEARLY, List.of(), null);

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> goals.saveIndicator(done)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.done-zero-or-one"));
    }

    @Test
    void memberRecordsResultsOnlyForTheirOwnOrganisationsIndicators() {
        Indicator own = indicatorOf(ours);
        Indicator other = indicatorOf(theirs);

        IndicatorResult recorded = fixtures.as(member, () -> goals.recordResult(result(own, TODAY, "9")));

        assertThat(recorded.getRecordedBy()).startsWith("スタッフ");
        assertThat(fixtures.as(member, () -> goals.myIndicators())).contains(own).doesNotContain(other);
        assertThat(fixtures.as(member, () -> goals.canRecord(other.getId()))).isFalse();
        assertThatThrownBy(() -> fixtures.as(member, () -> goals.recordResult(result(other, TODAY, "9"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> goals.correctResult(
                fixtures.as(coordinator, () -> goals.recordResult(result(other, TODAY, "9"))).getId(),
                BigDecimal.TEN, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(goals.history(other.getId())).hasSize(1);
    }

    @Test
    void coordinatorRecordsResultsForAnyIndicator() {
        Indicator other = indicatorOf(theirs);

        fixtures.as(coordinator, () -> goals.recordResult(result(other, TODAY, "9")));

        assertThat(goals.currentResults(other.getId())).hasSize(1);
    }

    @Test
    void correctionIsANewRecordAndTheCorrectedOneStaysInTheHistory() {
        Indicator indicator = indicatorOf(ours);
        IndicatorResult first = fixtures.as(member, () -> goals.recordResult(result(indicator, TODAY, "12")));

        IndicatorResult correction = fixtures.as(member,
                () -> goals.correctResult(first.getId(), new BigDecimal("9"), "集計ミスの訂正", "年次報告"));

        assertThat(correction.getId()).isNotEqualTo(first.getId());
        assertThat(correction.getCorrectsId()).isEqualTo(first.getId());
        assertThat(correction.getDate()).isEqualTo(first.getDate());
        assertThat(goals.history(indicator.getId())).extracting(IndicatorResult::getValue)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12"), new BigDecimal("9"));
        assertThat(goals.currentResults(indicator.getId())).containsExactly(correction);
        assertThat(goals.progress(indicator.getId()).value()).isEqualByComparingTo("9");
        assertThatThrownBy(() -> fixtures.as(member,
                () -> goals.correctResult(first.getId(), BigDecimal.TEN, null, null)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.already-corrected"));
    }

    @Test
    void resultsInTheFutureOrForUnknownBreakdownsAreRefused() {
        Indicator indicator = indicatorOf(ours);
        ResultForm future = result(indicator, TODAY.plusDays(1), "9");
        ResultForm breakdown = new ResultForm(indicator.getId(), TODAY, "電話", BigDecimal.ONE, null, null, null);
        ResultForm fraction = result(indicator, TODAY, "9.5");

        assertThatThrownBy(() -> fixtures.as(member, () -> goals.recordResult(future)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.date-in-future"));
        assertThatThrownBy(() -> fixtures.as(member, () -> goals.recordResult(breakdown)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.unknown-breakdown"));
        assertThatThrownBy(() -> fixtures.as(member, () -> goals.recordResult(fraction)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.count-whole"));
        assertThat(goals.history(indicator.getId())).isEmpty();
    }

    @Test
    void breakdownsAddUpToTheTotalInProgress() {
        IndicatorForm base = data.count("相談件数", ours.getId());
        Indicator indicator = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                base.initiativeId(), base.name(), "件", IndicatorKind.COUNT, Direction.INCREASE, BigDecimal.ZERO,
                base.baselineDate(), new BigDecimal("100"), 2030, ours.getId(), null, UpdateFrequency.MONTHLY,
                List.of("窓口", "電話"), null)));
        fixtures.as(member, () -> goals.recordResult(new ResultForm(indicator.getId(), TODAY, "窓口",
                new BigDecimal("30"), null, null, null)));
        fixtures.as(member, () -> goals.recordResult(new ResultForm(indicator.getId(), TODAY, "電話",
                new BigDecimal("25"), null, null, null)));

        Progress progress = goals.progress(indicator.getId());

        assertThat(indicator.getBreakdowns()).containsExactly("窓口", "電話");
        assertThat(progress.value()).isEqualByComparingTo("55");
        assertThat(progress.stale()).isFalse();
        assertThat(goals.progressOfPlan(data.plan.getId())).containsEntry(indicator.getId(), progress);
    }

    @Test
    void indicatorWithoutResultsHasNoData() {
        Indicator indicator = indicatorOf(ours);

        assertThat(goals.progress(indicator.getId()).judgement()).isEqualTo(Judgement.NO_DATA);
    }

    @Test
    void onlyEmptyStructureCanBeDeletedSoNoHistoryIsLost() {
        Indicator withResult = indicatorOf(ours);
        Indicator empty = fixtures.as(coordinator, () -> goals.saveIndicator(data.count("誤って追加", ours.getId())));
        fixtures.as(member, () -> goals.recordResult(result(withResult, TODAY, "9")));

        fixtures.as(coordinator, () -> goals.deleteIndicator(empty.getId(), empty.getVersion()));

        assertThat(goals.tree(data.plan.getId()).indicators()).containsExactly(withResult);
        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> goals.deleteIndicator(withResult.getId(), withResult.getVersion())))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.not-empty"));
        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> goals.deleteInitiative(data.initiative.getId(), data.initiative.getVersion())))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("goals.validation.not-empty"));
        assertThatThrownBy(() -> fixtures.as(member,
                () -> goals.deletePillar(data.pillar.getId(), data.pillar.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(goals.history(withResult.getId())).hasSize(1);
    }

    @Test
    void emptyPillarIsDeleted() {
        Pillar spare = fixtures.as(coordinator, () -> goals.savePillar(new PillarForm(null, 0, data.plan.getId(), 2,
                "予備の柱")));

        fixtures.as(coordinator, () -> goals.deletePillar(spare.getId(), spare.getVersion()));

        assertThat(goals.tree(data.plan.getId()).pillars()).extracting(node -> node.pillar().getNumber())
                .containsExactly(1);
    }

    private IndicatorForm yearlyTotal(IndicatorKind kind, Aggregation aggregation, ComputedDefinition computed) {
        return new IndicatorForm(null, 0, data.initiative.getId(), TestFixtures.unique("相談件数"), "件", kind,
                Direction.INCREASE, new BigDecimal("1"), LocalDate.of(2025, 3, 31), new BigDecimal("1"), 2030,
                ours.getId(), null, UpdateFrequency.MONTHLY, List.of(), computed, aggregation);
    }

    @Test
    void aggregationThatDoesNotFitTheIndicatorIsRefusedAndNothingIsSaved() {
        ComputedDefinition weekends = ComputedDefinition.eventDates(null, null, true, null);
        Map<IndicatorForm, String> refused = Map.of(
                yearlyTotal(IndicatorKind.DONE, Aggregation.FISCAL_YEAR_TOTAL, null),
                "goals.validation.aggregation-done",
                yearlyTotal(IndicatorKind.DONE, Aggregation.FISCAL_YEAR_AVERAGE, null),
                "goals.validation.aggregation-done",
                yearlyTotal(IndicatorKind.PERCENT, Aggregation.FISCAL_YEAR_TOTAL, null),
                "goals.validation.aggregation-total-kind",
                yearlyTotal(IndicatorKind.COUNT, Aggregation.LATEST, weekends),
                "goals.validation.aggregation-computed",
                yearlyTotal(IndicatorKind.COUNT, null, null), "validation.required");
        long before = goals.tree(data.plan.getId()).indicators().count();

        refused.forEach((form, key) -> assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> goals.saveIndicator(form))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(keysOf(e)).as(form.kind() + " " + form.aggregation()).containsExactly(key)));

        assertThat(goals.tree(data.plan.getId()).indicators().count()).isEqualTo(before);
        Indicator average = fixtures.as(coordinator, () -> goals.saveIndicator(
                yearlyTotal(IndicatorKind.PERCENT, Aggregation.FISCAL_YEAR_AVERAGE, null)));
        assertThat(average.getAggregation()).isEqualTo(Aggregation.FISCAL_YEAR_AVERAGE);
    }

    @Test
    void yearlyTotalAddsBreakdownsAndCountsACorrectionInsteadOfWhatItCorrects() {
        Indicator indicator = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                data.initiative.getId(), TestFixtures.unique("相談件数"), "件", IndicatorKind.COUNT,
                Direction.INCREASE, new BigDecimal("120"), LocalDate.of(2025, 3, 31), new BigDecimal("200"), 2030,
                ours.getId(), null, UpdateFrequency.MONTHLY, List.of("窓口", "電話"), null,
                Aggregation.FISCAL_YEAR_TOTAL)));
        LocalDate march = LocalDate.of(2026, 3, 31);
        LocalDate april = LocalDate.of(2026, 4, 30);
        LocalDate may = LocalDate.of(2026, 5, 31);
        IndicatorResult wrong = fixtures.as(member, () -> {
            goals.recordResult(new ResultForm(indicator.getId(), march, "窓口", new BigDecimal("40"), null, null,
                    null));
            goals.recordResult(new ResultForm(indicator.getId(), april, "電話", new BigDecimal("4"), null, null,
                    null));
            goals.recordResult(new ResultForm(indicator.getId(), may, "窓口", new BigDecimal("12"), null, null, null));
            goals.recordResult(new ResultForm(indicator.getId(), may, "電話", new BigDecimal("5"), null, null, null));
            return goals.recordResult(new ResultForm(indicator.getId(), april, "窓口", new BigDecimal("100"), null,
                    null, null));
        });
        fixtures.as(member, () -> goals.correctResult(wrong.getId(), new BigDecimal("10"), "桁の誤り", null));

        Progress progress = goals.progress(indicator.getId());

        // March belongs to the year before; April and May: 10 + 4 + 12 + 5.
        assertThat(progress.value()).isEqualByComparingTo("31");
        assertThat(progress.date()).isEqualTo(may);
        assertThat(progress.period().fiscalYear()).isEqualTo(2026);
        assertThat(goals.figures(indicator.getId())).extracting(GoalProgress.Figure::value)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("40"), new BigDecimal("31"));
    }
}

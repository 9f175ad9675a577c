package jp.kosodatehub.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.goals.GoalProgress.Spec;
import jp.kosodatehub.goals.GoalProgress.Value;
import org.junit.jupiter.api.Test;

/** The plan runs FY2026–2030: 2026-04-01 to 2031-03-31, so 2028-10-01 is about half way. */
class GoalProgressTest {

    private static final LocalDate START = FiscalYear.firstDay(2026);
    private static final LocalDate END = FiscalYear.lastDay(2030);
    private static final LocalDate HALF_WAY = LocalDate.of(2028, 10, 1);

    private static Spec spec(IndicatorKind kind, Direction direction, String baseline, String target) {
        return new Spec(kind, direction, new BigDecimal(baseline), new BigDecimal(target), START, END,
                UpdateFrequency.YEARLY);
    }

    private static Value total(LocalDate date, String value) {
        return new Value(date, null, new BigDecimal(value));
    }

    private static Progress evaluate(Spec spec, Value... values) {
        return GoalProgress.evaluate(spec, List.of(values), HALF_WAY.plusDays(1));
    }

    @Test
    void increaseMeasuresTheShareOfTheWayFromBaselineToTarget() {
        Progress progress = evaluate(spec(IndicatorKind.COUNT, Direction.INCREASE, "8", "10"),
                total(HALF_WAY, "9"));

        assertThat(progress.fraction()).isCloseTo(0.5, within(1e-9));
        assertThat(progress.percent()).isEqualTo(50);
        assertThat(progress.value()).isEqualByComparingTo("9");
        assertThat(progress.judgement()).isEqualTo(Judgement.ON_TRACK);
    }

    @Test
    void increaseFarBehindTheTimeElapsedIsBehind() {
        Progress progress = evaluate(spec(IndicatorKind.NUMBER, Direction.INCREASE, "25723", "80231"),
                total(HALF_WAY, "30000"));

        assertThat(progress.fraction()).isLessThan(0.1);
        assertThat(progress.judgement()).isEqualTo(Judgement.BEHIND);
    }

    @Test
    void reachingOrPassingTheTargetIsAchievedAndCappedAtOne() {
        Progress progress = evaluate(spec(IndicatorKind.COUNT, Direction.INCREASE, "810", "820"),
                total(START.plusMonths(2), "850"));

        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(progress.judgement()).isEqualTo(Judgement.ACHIEVED);
    }

    @Test
    void goingBackBelowTheBaselineCountsAsNoProgressNotNegative() {
        Progress progress = evaluate(spec(IndicatorKind.COUNT, Direction.INCREASE, "8", "10"),
                total(HALF_WAY, "7"));

        assertThat(progress.fraction()).isZero();
        assertThat(progress.judgement()).isEqualTo(Judgement.BEHIND);
    }

    @Test
    void decreaseCountsFallingValuesAsProgress() {
        Spec spec = spec(IndicatorKind.PERCENT, Direction.DECREASE, "8.8", "5.0");

        Progress halfWay = evaluate(spec, total(HALF_WAY, "6.9"));
        Progress rising = evaluate(spec, total(HALF_WAY, "9.5"));
        Progress reached = evaluate(spec, total(HALF_WAY, "4.8"));

        assertThat(halfWay.fraction()).isCloseTo(0.5, within(1e-9));
        assertThat(halfWay.judgement()).isEqualTo(Judgement.ON_TRACK);
        assertThat(rising.fraction()).isZero();
        assertThat(rising.judgement()).isEqualTo(Judgement.BEHIND);
        assertThat(reached.judgement()).isEqualTo(Judgement.ACHIEVED);
    }

    @Test
    void keepIsAchievedWithinFivePercentOfTheLevelAndBehindOutsideIt() {
        Spec spec = spec(IndicatorKind.COUNT, Direction.KEEP, "40", "40");

        assertThat(evaluate(spec, total(HALF_WAY, "38")).judgement()).isEqualTo(Judgement.ACHIEVED);
        assertThat(evaluate(spec, total(HALF_WAY, "42")).judgement()).isEqualTo(Judgement.ACHIEVED);
        assertThat(evaluate(spec, total(HALF_WAY, "37")).judgement()).isEqualTo(Judgement.BEHIND);
        assertThat(evaluate(spec, total(HALF_WAY, "43")).fraction()).isZero();
    }

    @Test
    void doneIsAllOrNothingAndNotYetDoneIsOnTrackUntilThePeriodEnds() {
        Spec spec = spec(IndicatorKind.DONE, Direction.ACHIEVE, "0", "1");

        assertThat(evaluate(spec, total(HALF_WAY, "1")).judgement()).isEqualTo(Judgement.ACHIEVED);
        Progress notYet = evaluate(spec, total(HALF_WAY, "0"));
        assertThat(notYet.fraction()).isZero();
        assertThat(notYet.judgement()).isEqualTo(Judgement.ON_TRACK);
        Progress late = GoalProgress.evaluate(spec, List.of(total(END.plusDays(1), "0")), END.plusDays(2));
        assertThat(late.judgement()).isEqualTo(Judgement.BEHIND);
    }

    @Test
    void baselineEqualToTargetNeverDividesByZero() {
        Spec increase = spec(IndicatorKind.COUNT, Direction.INCREASE, "10", "10");
        Spec decrease = spec(IndicatorKind.PERCENT, Direction.DECREASE, "5", "5");

        assertThat(evaluate(increase, total(HALF_WAY, "10")).judgement()).isEqualTo(Judgement.ACHIEVED);
        assertThat(evaluate(increase, total(HALF_WAY, "9")).fraction()).isZero();
        assertThat(evaluate(decrease, total(HALF_WAY, "4")).judgement()).isEqualTo(Judgement.ACHIEVED);
        assertThat(evaluate(decrease, total(HALF_WAY, "6")).fraction()).isZero();
    }

    @Test
    void noResultIsNoDataAndNotStale() {
        Progress progress = evaluate(spec(IndicatorKind.COUNT, Direction.INCREASE, "8", "10"));

        assertThat(progress.judgement()).isEqualTo(Judgement.NO_DATA);
        assertThat(progress.value()).isNull();
        assertThat(progress.stale()).isFalse();
    }

    @Test
    void latestDateWinsAndBreakdownsOfCountsAddUp() {
        Spec spec = spec(IndicatorKind.COUNT, Direction.INCREASE, "0", "100");
        LocalDate earlier = HALF_WAY.minusYears(1);

        Progress progress = evaluate(spec, total(earlier, "90"),
                new Value(HALF_WAY, "窓口", new BigDecimal("30")), new Value(HALF_WAY, "電話", new BigDecimal("20")));

        assertThat(progress.date()).isEqualTo(HALF_WAY);
        assertThat(progress.value()).isEqualByComparingTo("50");
    }

    @Test
    void anExplicitTotalBeatsTheSumOfBreakdowns() {
        Spec spec = spec(IndicatorKind.COUNT, Direction.INCREASE, "0", "100");

        Progress progress = evaluate(spec, new Value(HALF_WAY, "窓口", new BigDecimal("30")),
                total(HALF_WAY, "45"));

        assertThat(progress.value()).isEqualByComparingTo("45");
    }

    @Test
    void percentagesSplitByBreakdownAreNotAddedUp() {
        Spec spec = spec(IndicatorKind.PERCENT, Direction.DECREASE, "8.8", "5.0");

        Progress onlyParts = evaluate(spec, new Value(HALF_WAY, "小", new BigDecimal("4")),
                new Value(HALF_WAY, "中", new BigDecimal("6")));
        Progress olderTotal = evaluate(spec, total(HALF_WAY.minusYears(1), "7.0"),
                new Value(HALF_WAY, "小", new BigDecimal("4")));

        assertThat(onlyParts.judgement()).isEqualTo(Judgement.NO_DATA);
        assertThat(olderTotal.value()).isEqualByComparingTo("7.0");
    }

    @Test
    void resultOlderThanIntervalPlusGraceIsStale() {
        LocalDate result = LocalDate.of(2027, 3, 31);

        assertThat(GoalProgress.isStale(result, UpdateFrequency.YEARLY, LocalDate.of(2028, 6, 30))).isFalse();
        assertThat(GoalProgress.isStale(result, UpdateFrequency.YEARLY, LocalDate.of(2028, 7, 1))).isTrue();
        assertThat(GoalProgress.isStale(result, UpdateFrequency.MONTHLY, LocalDate.of(2027, 5, 31))).isFalse();
        assertThat(GoalProgress.isStale(result, UpdateFrequency.MONTHLY, LocalDate.of(2027, 6, 1))).isTrue();
        assertThat(GoalProgress.isStale(result, UpdateFrequency.QUARTERLY, LocalDate.of(2027, 8, 1))).isTrue();
    }

    @Test
    void evaluationFlagsAStaleLatestResult() {
        Spec spec = spec(IndicatorKind.COUNT, Direction.INCREASE, "8", "10");

        Progress progress = GoalProgress.evaluate(spec, List.of(total(START, "9")), START.plusYears(2));

        assertThat(progress.stale()).isTrue();
        assertThat(progress.judgement()).isNotEqualTo(Judgement.NO_DATA);
    }

    @Test
    void elapsedShareFollowsFiscalYearBoundaries() {
        assertThat(GoalProgress.elapsedShare(START, END, LocalDate.of(2026, 3, 31))).isZero();
        assertThat(GoalProgress.elapsedShare(START, END, START)).isZero();
        assertThat(GoalProgress.elapsedShare(START, END, END)).isEqualTo(1.0);
        assertThat(GoalProgress.elapsedShare(START, END, FiscalYear.firstDay(2031))).isEqualTo(1.0);
        assertThat(GoalProgress.elapsedShare(START, END, FiscalYear.firstDay(2028))).isCloseTo(0.4, within(0.01));
    }

    @Test
    void resultOnTheLastDayOfTheTargetYearIsStillInTimeForDoneIndicators() {
        Spec spec = spec(IndicatorKind.DONE, Direction.ACHIEVE, "0", "1");

        Progress onLastDay = GoalProgress.evaluate(spec, List.of(total(END, "0")), END);
        Progress dayAfter = GoalProgress.evaluate(spec, List.of(total(FiscalYear.firstDay(2031), "0")),
                FiscalYear.firstDay(2031));

        assertThat(onLastDay.judgement()).isEqualTo(Judgement.ON_TRACK);
        assertThat(dayAfter.judgement()).isEqualTo(Judgement.BEHIND);
    }
}

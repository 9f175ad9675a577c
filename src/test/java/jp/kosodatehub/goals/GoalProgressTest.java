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

    // --- figures by aggregation ----------------------------------------------------------------------------------

    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    /** 「とことこ」の相談件数: counted monthly by 窓口 and 電話, baseline and target yearly totals 120 → 200. */
    private static Spec consultations(Aggregation aggregation) {
        return new Spec(IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("120"), new BigDecimal("200"), START,
                END, UpdateFrequency.MONTHLY, aggregation);
    }

    private static Value part(LocalDate date, String breakdown, String value) {
        return new Value(date, breakdown, new BigDecimal(value));
    }

    /** Month-ends April to November 2026, 窓口 and 電話 each month: 16 a month, 128 in all. */
    private static List<Value> aprilToNovember(int counterPerMonth, int phonePerMonth) {
        List<Value> values = new java.util.ArrayList<>();
        for (int month = 4; month <= 11; month++) {
            LocalDate end = java.time.YearMonth.of(2026, month).atEndOfMonth();
            values.add(part(end, "窓口", Integer.toString(counterPerMonth)));
            values.add(part(end, "電話", Integer.toString(phonePerMonth)));
        }
        return values;
    }

    @Test
    void fiscalYearTotalAddsEveryBreakdownOfEveryDateOfTheYear() {
        Progress progress = GoalProgress.evaluate(consultations(Aggregation.FISCAL_YEAR_TOTAL),
                aprilToNovember(11, 5), NOV_30.plusDays(7));

        assertThat(progress.value()).isEqualByComparingTo("128");
        assertThat(progress.date()).isEqualTo(NOV_30);
        assertThat(progress.period()).isEqualTo(new GoalProgress.Period(Aggregation.FISCAL_YEAR_TOTAL, 2026,
                java.time.YearMonth.of(2026, 4), java.time.YearMonth.of(2026, 11)));
    }

    @Test
    void yearlyTotalSoFarIsMeasuredAtThePaceOfTheShareOfTheYearElapsed() {
        // 128 by 30 November, 244 of 365 days: 191 for the year, 89% of the way from 120 to 200.
        Progress onPace = GoalProgress.evaluate(consultations(Aggregation.FISCAL_YEAR_TOTAL),
                aprilToNovember(11, 5), NOV_30.plusDays(7));
        // 61 by then is 91 for the year: below even the baseline's pace.
        Progress slow = GoalProgress.evaluate(consultations(Aggregation.FISCAL_YEAR_TOTAL),
                aprilToNovember(5, 3).subList(0, 15), NOV_30.plusDays(7));

        assertThat(onPace.fraction()).isCloseTo((128 / (244 / 365.0) - 120) / 80, within(1e-4));
        assertThat(onPace.percent()).isEqualTo(89);
        assertThat(onPace.judgement()).isEqualTo(Judgement.ON_TRACK);
        assertThat(slow.value()).isEqualByComparingTo("61");
        assertThat(slow.fraction()).isZero();
        assertThat(slow.judgement()).isEqualTo(Judgement.BEHIND);
    }

    @Test
    void paceThatWouldReachTheYearlyTargetIsOnTrackUntilTheSumItselfReachesIt() {
        Spec spec = consultations(Aggregation.FISCAL_YEAR_TOTAL);
        // April to October: 168, at a pace of 286 for the year, but not yet 200.
        Progress onTheWay = GoalProgress.evaluate(spec, aprilToNovember(18, 6).subList(0, 14), NOV_30);
        Progress reached = GoalProgress.evaluate(spec, aprilToNovember(20, 6), NOV_30.plusDays(7));

        assertThat(onTheWay.value()).isEqualByComparingTo("168");
        assertThat(onTheWay.fraction()).isEqualTo(1.0);
        assertThat(onTheWay.judgement()).isEqualTo(Judgement.ON_TRACK);
        assertThat(reached.value()).isEqualByComparingTo("208");
        assertThat(reached.judgement()).isEqualTo(Judgement.ACHIEVED);
    }

    @Test
    void fewerCasesThanTheYearlyTargetIsNotAchievedForALowerIsBetterTotalBeforeTheYearEnds() {
        Spec spec = new Spec(IndicatorKind.COUNT, Direction.DECREASE, new BigDecimal("50"), new BigDecimal("30"),
                START, END, UpdateFrequency.MONTHLY, Aggregation.FISCAL_YEAR_TOTAL);
        List<Value> values = List.of(total(LocalDate.of(2026, 9, 30), "10"));

        assertThat(GoalProgress.evaluate(spec, values, LocalDate.of(2026, 10, 5)).judgement())
                .isEqualTo(Judgement.ON_TRACK);
        assertThat(GoalProgress.evaluate(spec, values, LocalDate.of(2027, 4, 1)).judgement())
                .isEqualTo(Judgement.ACHIEVED);
    }

    @Test
    void thirtyFirstOfMarchClosesTheYearAndFirstOfAprilStartsTheNext() {
        Spec spec = consultations(Aggregation.FISCAL_YEAR_TOTAL);
        List<Value> values = List.of(total(LocalDate.of(2027, 2, 28), "100"), total(LocalDate.of(2027, 3, 31), "50"),
                total(LocalDate.of(2027, 4, 1), "7"));

        List<GoalProgress.Figure> figures = GoalProgress.figures(Aggregation.FISCAL_YEAR_TOTAL, IndicatorKind.COUNT,
                values);
        Progress beforeApril = GoalProgress.evaluate(spec, values.subList(0, 2), LocalDate.of(2027, 3, 31));
        Progress fromApril = GoalProgress.evaluate(spec, values, LocalDate.of(2027, 4, 1));

        assertThat(figures).extracting(GoalProgress.Figure::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("150"), new BigDecimal("7"));
        assertThat(beforeApril.period().fiscalYear()).isEqualTo(2026);
        assertThat(beforeApril.period().to()).isEqualTo(java.time.YearMonth.of(2027, 3));
        // The whole year is covered: 150 is compared as it stands, 37.5% of the way from 120 to 200.
        assertThat(beforeApril.fraction()).isCloseTo(0.375, within(1e-9));
        assertThat(fromApril.value()).isEqualByComparingTo("7");
        assertThat(fromApril.period().fiscalYear()).isEqualTo(2027);
        assertThat(fromApril.period().from()).isEqualTo(fromApril.period().to());
    }

    @Test
    void latestValueTakesTheTotalOfTheLatestDateBreakdownsAddedUp() {
        Progress progress = GoalProgress.evaluate(consultations(Aggregation.LATEST), aprilToNovember(11, 5),
                NOV_30.plusDays(7));

        assertThat(progress.value()).isEqualByComparingTo("16");
        assertThat(progress.date()).isEqualTo(NOV_30);
        assertThat(progress.period()).isNull();
    }

    @Test
    void explicitTotalOfADateWinsOverItsBreakdowns() {
        List<GoalProgress.Figure> figures = GoalProgress.figures(Aggregation.LATEST, IndicatorKind.COUNT,
                List.of(part(NOV_30, "窓口", "11"), part(NOV_30, "電話", "5"), total(NOV_30, "17")));

        assertThat(figures).singleElement().satisfies(f -> assertThat(f.value()).isEqualByComparingTo("17"));
    }

    @Test
    void averageAveragesTheDateTotalsOfTheFiscalYear() {
        Spec spec = new Spec(IndicatorKind.PERCENT, Direction.INCREASE, new BigDecimal("60"), new BigDecimal("80"),
                START, END, UpdateFrequency.MONTHLY, Aggregation.FISCAL_YEAR_AVERAGE);
        List<Value> values = List.of(total(LocalDate.of(2026, 3, 31), "10"), total(LocalDate.of(2026, 4, 30), "70"),
                total(LocalDate.of(2026, 5, 31), "75"), total(LocalDate.of(2026, 6, 30), "72.5"));

        Progress progress = GoalProgress.evaluate(spec, values, LocalDate.of(2026, 7, 5));

        assertThat(progress.value()).isEqualByComparingTo("72.5");
        assertThat(progress.period().from()).isEqualTo(java.time.YearMonth.of(2026, 4));
        assertThat(progress.fraction()).isCloseTo(0.625, within(1e-9));
    }

    @Test
    void percentagesOfBreakdownsAreNotAddedIntoAYearlyFigure() {
        List<GoalProgress.Figure> figures = GoalProgress.figures(Aggregation.FISCAL_YEAR_AVERAGE,
                IndicatorKind.PERCENT, List.of(part(NOV_30, "窓口", "40"), part(NOV_30, "電話", "60"),
                        total(LocalDate.of(2026, 10, 31), "50")));

        assertThat(figures).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("50");
            assertThat(f.date()).isEqualTo(LocalDate.of(2026, 10, 31));
        });
    }
}

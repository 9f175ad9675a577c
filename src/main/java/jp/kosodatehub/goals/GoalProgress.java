package jp.kosodatehub.goals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Progress of an indicator, as pure functions of its definition, its results and today's date. The rules:
 * <ul>
 * <li><b>Total of a date.</b> A result without breakdown is the total; without one, the breakdowns of that date are
 * added up for counts and numbers (窓口 + 電話), never for percentages or done/not-done. Corrected results are left
 * out before this (the caller passes the current ones).
 * <li><b>Figure</b> ({@link #figures}), by the indicator's {@link Aggregation}: the total of the latest date, or per
 * fiscal year the sum or the mean of the year's date totals, labelled with the year and the months from April to its
 * latest result. The current figure is the latest one: results are never dated in the future, so that is the fiscal
 * year of today when it has results, else the latest year that has.
 * <li><b>Pace of a yearly total.</b> A fiscal year's sum so far is compared with the baseline and target, which are
 * whole-year totals, at the pace of the share of the year its results cover (1 April to the latest result's date):
 * 128 by 30 November (244 of 365 days) counts as 191 for the year. It is ACHIEVED only once the sum itself meets the
 * target (for a decrease or a level to keep, once the year is over too); a pace that would meet it is ON_TRACK.
 * Counts that already include the rest of the year (published event dates to come) are taken as they stand.
 * <li><b>Fraction</b> (0–1) from baseline to target: (value − baseline) / (target − baseline), which is right for
 * decreases too because both differences are negative, clamped to 0–1. Done/not-done and "achieve" indicators are
 * 0 or 1: 1 once the value reaches the target. "Keep" is 1 while the value is within {@link #KEEP_TOLERANCE} (±5%) of
 * the target, the level to hold, else 0. When baseline equals target there is no way to divide: 1 if the value
 * meets the target in the indicator's direction, else 0.
 * <li><b>Judgement.</b> No result: NO_DATA. Fraction 1: ACHIEVED. Otherwise the fraction is compared with the share
 * of the period elapsed at the result's date, the period running from the plan's first day to the last day of the
 * target fiscal year: ON_TRACK if the fraction is at least that share minus {@link #ON_TRACK_SLACK} (ten points,
 * because most figures come once a year and lag behind), else BEHIND. Done/not-done and "achieve" indicators
 * cannot be half done, so they are ON_TRACK until the period ends and BEHIND after; a level to keep that is not
 * kept is BEHIND at once.
 * <li><b>Stale</b> when the latest result is older than the update interval plus its grace period
 * ({@link UpdateFrequency}). An indicator without any result is NO_DATA rather than stale.
 * </ul>
 */
public final class GoalProgress {

    public static final BigDecimal KEEP_TOLERANCE = new BigDecimal("0.05");
    public static final double ON_TRACK_SLACK = 0.10;

    private GoalProgress() {
    }

    /** One result as the calculation needs it; breakdown null is a total. */
    public record Value(LocalDate date, String breakdown, BigDecimal value) {
    }

    /**
     * What the calculation needs of an indicator.
     *
     * @param wholeYear the results already count the rest of the fiscal year (published event dates still to
     *                  come): a yearly total then covers April to March and is not measured at a pace
     */
    public record Spec(IndicatorKind kind, Direction direction, BigDecimal baseline, BigDecimal target,
                       LocalDate periodStart, LocalDate periodEnd, UpdateFrequency frequency,
                       Aggregation aggregation, boolean wholeYear) {

        /** The latest value: how every indicator was read before aggregations. */
        public Spec(IndicatorKind kind, Direction direction, BigDecimal baseline, BigDecimal target,
                    LocalDate periodStart, LocalDate periodEnd, UpdateFrequency frequency) {
            this(kind, direction, baseline, target, periodStart, periodEnd, frequency, Aggregation.LATEST);
        }

        public Spec(IndicatorKind kind, Direction direction, BigDecimal baseline, BigDecimal target,
                    LocalDate periodStart, LocalDate periodEnd, UpdateFrequency frequency,
                    Aggregation aggregation) {
            this(kind, direction, baseline, target, periodStart, periodEnd, frequency, aggregation, false);
        }
    }

    /** The fiscal year a figure covers, from its first month (April) to the month of its latest result. */
    public record Period(Aggregation aggregation, int fiscalYear, YearMonth from, YearMonth to) {
    }

    /** A figure as every page shows it: its value, the date of its latest result and, per fiscal year, its period. */
    public record Figure(LocalDate date, BigDecimal value, Period period) {
    }

    /**
     * The outcome: the current figure (its latest result's date, its value and its period, null without data), the
     * fraction 0–1, the judgement and the stale flag.
     */
    public record Progress(LocalDate date, BigDecimal value, double fraction, Judgement judgement, boolean stale,
                           Period period) {

        public static final Progress NO_DATA = new Progress(null, null, 0, Judgement.NO_DATA, false, null);

        public Progress withStale(boolean isStale) {
            return new Progress(date, value, fraction, judgement, isStale, period);
        }

        public int percent() {
            return (int) Math.round(fraction * 100);
        }
    }

    public static Progress evaluate(Spec spec, List<Value> current, LocalDate today) {
        List<Figure> figures = figures(spec.aggregation(), spec.kind(), current, spec.wholeYear());
        if (figures.isEmpty()) {
            return Progress.NO_DATA;
        }
        Figure figure = figures.getLast();
        BigDecimal measured = figure.value();
        boolean yearTotal = spec.aggregation() == Aggregation.FISCAL_YEAR_TOTAL;
        if (yearTotal && !spec.wholeYear()) {
            double share = yearShare(figure.period().fiscalYear(), figure.date());
            measured = measured.divide(BigDecimal.valueOf(share), MathContext.DECIMAL64);
        }
        double fraction = fraction(spec.kind(), spec.direction(), spec.baseline(), spec.target(), measured);
        Judgement judgement = judge(spec, fraction, figure.date());
        if (yearTotal && judgement == Judgement.ACHIEVED && !yearAchieved(spec, figure, today)) {
            judgement = Judgement.ON_TRACK;
        }
        return new Progress(figure.date(), figure.value(), fraction, judgement,
                isStale(figure.date(), spec.frequency(), today), figure.period());
    }

    /**
     * The figures over time, oldest first, as pages and charts show them: the total of each date for the latest
     * value, one per fiscal year otherwise (dated its latest result), the last one being the current figure.
     */
    public static List<Figure> figures(Aggregation aggregation, IndicatorKind kind, List<Value> current) {
        return figures(aggregation, kind, current, false);
    }

    /** The figures; with {@code wholeYear} each fiscal year's period runs to March (see {@link Spec}). */
    public static List<Figure> figures(Aggregation aggregation, IndicatorKind kind, List<Value> current,
                                       boolean wholeYear) {
        Map<LocalDate, BigDecimal> totals = dateTotals(kind, current);
        List<Figure> figures = new ArrayList<>();
        if (!aggregation.perFiscalYear()) {
            totals.forEach((date, total) -> figures.add(new Figure(date, total, null)));
            return figures;
        }
        Map<Integer, List<Map.Entry<LocalDate, BigDecimal>>> byYear = new TreeMap<>();
        for (Map.Entry<LocalDate, BigDecimal> total : totals.entrySet()) {
            byYear.computeIfAbsent(FiscalYear.of(total.getKey()), year -> new ArrayList<>()).add(total);
        }
        byYear.forEach((year, dates) -> {
            BigDecimal sum = dates.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal value = aggregation == Aggregation.FISCAL_YEAR_TOTAL ? sum : average(sum, dates);
            LocalDate latest = dates.getLast().getKey();
            figures.add(new Figure(latest, value, new Period(aggregation, year,
                    YearMonth.from(FiscalYear.firstDay(year)),
                    YearMonth.from(wholeYear ? FiscalYear.lastDay(year) : latest))));
        });
        return figures;
    }

    /** The mean, to one decimal more than the most precise total (8.8 and 9.1 average 8.95), at least one. */
    private static BigDecimal average(BigDecimal sum, List<Map.Entry<LocalDate, BigDecimal>> dates) {
        int scale = Math.max(1, dates.stream().mapToInt(d -> d.getValue().stripTrailingZeros().scale()).max()
                .orElse(0) + 1);
        return sum.divide(BigDecimal.valueOf(dates.size()), Math.min(scale, 4), RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** The total of each date that has one, oldest first (see the class comment). */
    private static Map<LocalDate, BigDecimal> dateTotals(IndicatorKind kind, List<Value> current) {
        Map<LocalDate, List<Value>> byDate = new TreeMap<>();
        for (Value value : current) {
            byDate.computeIfAbsent(value.date(), date -> new ArrayList<>()).add(value);
        }
        Map<LocalDate, BigDecimal> totals = new TreeMap<>();
        byDate.forEach((date, values) -> dayTotal(kind, values).ifPresent(total -> totals.put(date, total)));
        return totals;
    }

    private static Optional<BigDecimal> dayTotal(IndicatorKind kind, List<Value> day) {
        Optional<Value> explicit = day.stream().filter(v -> v.breakdown() == null).findFirst();
        if (explicit.isPresent()) {
            return Optional.of(explicit.get().value());
        }
        return kind.isAdditive()
                ? Optional.of(day.stream().map(Value::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                : Optional.empty();
    }

    /** Share 0–1 of the fiscal year from 1 April to the given date, both included. */
    static double yearShare(int fiscalYear, LocalDate latest) {
        long days = ChronoUnit.DAYS.between(FiscalYear.firstDay(fiscalYear), FiscalYear.lastDay(fiscalYear)) + 1;
        long covered = ChronoUnit.DAYS.between(FiscalYear.firstDay(fiscalYear), latest) + 1;
        return Math.max(1, Math.min(days, covered)) / (double) days;
    }

    /** A yearly total is achieved when the sum meets the target; lower-is-better and levels only at the year's end. */
    private static boolean yearAchieved(Spec spec, Figure figure, LocalDate today) {
        boolean yearOver = today.isAfter(FiscalYear.lastDay(figure.period().fiscalYear()));
        boolean lowerIsBetter = spec.direction() == Direction.DECREASE || spec.direction() == Direction.KEEP
                || (spec.direction() == Direction.ACHIEVE && spec.target().compareTo(spec.baseline()) < 0);
        return fraction(spec.kind(), spec.direction(), spec.baseline(), spec.target(), figure.value()) >= 1
                && (yearOver || !lowerIsBetter);
    }

    public static double fraction(IndicatorKind kind, Direction direction, BigDecimal baseline, BigDecimal target,
                                  BigDecimal value) {
        if (direction == Direction.KEEP) {
            BigDecimal allowed = target.abs().multiply(KEEP_TOLERANCE);
            return value.subtract(target).abs().compareTo(allowed) <= 0 ? 1 : 0;
        }
        if (kind == IndicatorKind.DONE || direction == Direction.ACHIEVE || baseline.compareTo(target) == 0) {
            return reaches(direction, baseline, target, value) ? 1 : 0;
        }
        BigDecimal share = value.subtract(baseline)
                .divide(target.subtract(baseline), MathContext.DECIMAL64)
                .setScale(6, RoundingMode.HALF_UP);
        return Math.max(0, Math.min(1, share.doubleValue()));
    }

    static Judgement judge(Spec spec, double fraction, LocalDate resultDate) {
        if (fraction >= 1) {
            return Judgement.ACHIEVED;
        }
        if (spec.direction() == Direction.KEEP) {
            return Judgement.BEHIND;
        }
        boolean binary = spec.kind() == IndicatorKind.DONE || spec.direction() == Direction.ACHIEVE
                || spec.baseline().compareTo(spec.target()) == 0;
        if (binary) {
            return resultDate.isAfter(spec.periodEnd()) ? Judgement.BEHIND : Judgement.ON_TRACK;
        }
        return fraction >= elapsedShare(spec.periodStart(), spec.periodEnd(), resultDate) - ON_TRACK_SLACK
                ? Judgement.ON_TRACK : Judgement.BEHIND;
    }

    /** Share 0–1 of the period gone by on the given date. */
    public static double elapsedShare(LocalDate start, LocalDate end, LocalDate date) {
        long total = ChronoUnit.DAYS.between(start, end);
        if (total <= 0) {
            return date.isBefore(start) ? 0 : 1;
        }
        double share = (double) ChronoUnit.DAYS.between(start, date) / total;
        return Math.max(0, Math.min(1, share));
    }

    public static boolean isStale(LocalDate latest, UpdateFrequency frequency, LocalDate today) {
        return latest != null && today.isAfter(latest.plusMonths(frequency.months() + frequency.graceMonths()));
    }

    /** Whether the value meets the target in the indicator's direction; for "achieve", the way baseline→target. */
    private static boolean reaches(Direction direction, BigDecimal baseline, BigDecimal target, BigDecimal value) {
        boolean lowerIsBetter = direction == Direction.DECREASE
                || (direction == Direction.ACHIEVE && target.compareTo(baseline) < 0);
        return lowerIsBetter ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0;
    }
}

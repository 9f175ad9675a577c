package jp.kosodatehub.goals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Progress of an indicator, as pure functions of its definition, its results and today's date. The rules:
 * <ul>
 * <li><b>Total.</b> The latest date with a total wins. A result without breakdown is the total; without one, the
 * breakdowns of that date are added up for counts and numbers (窓口 + 電話), never for percentages or done/not-done.
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

    /** What the calculation needs of an indicator. */
    public record Spec(IndicatorKind kind, Direction direction, BigDecimal baseline, BigDecimal target,
                       LocalDate periodStart, LocalDate periodEnd, UpdateFrequency frequency) {
    }

    /** The outcome: the latest total (null without data), the fraction 0–1, the judgement and the stale flag. */
    public record Progress(LocalDate date, BigDecimal value, double fraction, Judgement judgement, boolean stale) {

        public static final Progress NO_DATA = new Progress(null, null, 0, Judgement.NO_DATA, false);

        public int percent() {
            return (int) Math.round(fraction * 100);
        }
    }

    public static Progress evaluate(Spec spec, List<Value> current, LocalDate today) {
        Optional<Value> latest = latestTotal(spec.kind(), current);
        if (latest.isEmpty()) {
            return Progress.NO_DATA;
        }
        Value total = latest.get();
        double fraction = fraction(spec.kind(), spec.direction(), spec.baseline(), spec.target(), total.value());
        Judgement judgement = judge(spec, fraction, total.date());
        return new Progress(total.date(), total.value(), fraction, judgement,
                isStale(total.date(), spec.frequency(), today));
    }

    /** The total on the latest date that has one (see the class comment). */
    public static Optional<Value> latestTotal(IndicatorKind kind, List<Value> current) {
        Map<LocalDate, List<Value>> byDate = new TreeMap<>(Comparator.reverseOrder());
        for (Value value : current) {
            byDate.computeIfAbsent(value.date(), date -> new java.util.ArrayList<>()).add(value);
        }
        for (Map.Entry<LocalDate, List<Value>> day : byDate.entrySet()) {
            Optional<Value> explicit = day.getValue().stream().filter(v -> v.breakdown() == null).findFirst();
            if (explicit.isPresent()) {
                return explicit;
            }
            if (kind.isAdditive()) {
                BigDecimal sum = day.getValue().stream().map(Value::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                return Optional.of(new Value(day.getKey(), null, sum));
            }
        }
        return Optional.empty();
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

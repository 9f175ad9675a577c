package jp.kosodatehub.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a series repeats, in the few shapes the network's salons use: every week or every N weeks on some weekdays,
 * monthly on the Nth weekday (第2火曜), or monthly on a day of the month; always until a date or for a number of
 * times. Stored as an RFC 5545 RRULE, so that calendars receive the rule itself rather than copied dates.
 *
 * @param nth for {@link Pattern#MONTHLY_WEEKDAY}: 1–4, or -1 for the last such weekday of the month
 */
public record Recurrence(Pattern pattern, int interval, Set<DayOfWeek> days, int nth, int dayOfMonth,
                         LocalDate until, Integer count) {

    public enum Pattern { WEEKLY, MONTHLY_WEEKDAY, MONTHLY_DAY }

    public static final int MAX_INTERVAL = 4;
    public static final int MAX_YEARS = 5;

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Map<DayOfWeek, String> CODES = Map.of(DayOfWeek.MONDAY, "MO", DayOfWeek.TUESDAY, "TU",
            DayOfWeek.WEDNESDAY, "WE", DayOfWeek.THURSDAY, "TH", DayOfWeek.FRIDAY, "FR", DayOfWeek.SATURDAY, "SA",
            DayOfWeek.SUNDAY, "SU");

    public Recurrence {
        days = days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /**
     * The rule as an RRULE value. UNTIL is a floating local time at the end of the last day, matching the floating
     * local DTSTART the rule is expanded from; the calendar export turns it into UTC as RFC 5545 asks.
     */
    public String toRule() {
        StringBuilder rule = new StringBuilder(switch (pattern) {
            case WEEKLY -> "FREQ=WEEKLY";
            case MONTHLY_WEEKDAY, MONTHLY_DAY -> "FREQ=MONTHLY";
        });
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        switch (pattern) {
            case WEEKLY -> rule.append(";BYDAY=").append(days.stream().map(CODES::get)
                    .collect(Collectors.joining(",")));
            case MONTHLY_WEEKDAY -> rule.append(";BYDAY=").append(nth)
                    .append(CODES.get(days.iterator().next()));
            case MONTHLY_DAY -> rule.append(";BYMONTHDAY=").append(dayOfMonth);
        }
        if (until != null) {
            rule.append(";UNTIL=").append(UNTIL.format(until)).append("T235959");
        } else if (count != null) {
            rule.append(";COUNT=").append(count);
        }
        return rule.toString();
    }

    /** Reads a rule this class wrote; anything else (or nonsense) gives an {@link IllegalArgumentException}. */
    public static Recurrence parse(String rule) {
        if (rule == null || rule.isBlank() || rule.length() > 200) {
            throw new IllegalArgumentException("Empty or overlong rule");
        }
        String freq = null;
        int interval = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int nth = 0;
        int dayOfMonth = 0;
        LocalDate until = null;
        Integer count = null;
        try {
            for (String part : rule.strip().toUpperCase(Locale.ROOT).split(";")) {
                String[] pair = part.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("Not NAME=VALUE: " + part);
                }
                switch (pair[0]) {
                    case "FREQ" -> freq = pair[1];
                    case "INTERVAL" -> interval = Integer.parseInt(pair[1]);
                    case "BYMONTHDAY" -> dayOfMonth = Integer.parseInt(pair[1]);
                    case "COUNT" -> count = Integer.parseInt(pair[1]);
                    case "UNTIL" -> until = LocalDate.parse(pair[1].substring(0, 8), UNTIL);
                    case "BYDAY" -> {
                        for (String day : pair[1].split(",")) {
                            String code = day.substring(day.length() - 2);
                            String position = day.substring(0, day.length() - 2);
                            if (!position.isEmpty()) {
                                nth = Integer.parseInt(position);
                            }
                            days.add(CODES.entrySet().stream().filter(entry -> entry.getValue().equals(code))
                                    .map(Map.Entry::getKey).findFirst()
                                    .orElseThrow(() -> new IllegalArgumentException("Unknown day " + code)));
                        }
                    }
                    default -> throw new IllegalArgumentException("Unsupported rule part " + pair[0]);
                }
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Malformed rule: " + rule, e);
        }
        Pattern pattern;
        if ("WEEKLY".equals(freq)) {
            pattern = Pattern.WEEKLY;
        } else if ("MONTHLY".equals(freq)) {
            pattern = dayOfMonth != 0 ? Pattern.MONTHLY_DAY : Pattern.MONTHLY_WEEKDAY;
        } else {
            throw new IllegalArgumentException("Unsupported frequency " + freq);
        }
        return new Recurrence(pattern, interval, days, nth, dayOfMonth, until, count);
    }

    /**
     * The first day on or after {@code from} that the rule's pattern falls on, or {@code null} when the pattern is
     * incomplete: what to offer when the chosen first date does not match (第2月曜 chosen, 12月1日(火) given).
     */
    public LocalDate firstDayFrom(LocalDate from) {
        if (pattern == Pattern.MONTHLY_DAY) {
            for (int month = 0; month <= 12; month++) {
                LocalDate first = from.withDayOfMonth(1).plusMonths(month);
                if (dayOfMonth >= 1 && dayOfMonth <= first.lengthOfMonth()
                        && !first.withDayOfMonth(dayOfMonth).isBefore(from)) {
                    return first.withDayOfMonth(dayOfMonth);
                }
            }
            return null;
        }
        if (days.isEmpty()) {
            return null;
        }
        if (pattern == Pattern.WEEKLY) {
            return from.datesUntil(from.plusWeeks(1)).filter(day -> days.contains(day.getDayOfWeek())).findFirst()
                    .orElseThrow();
        }
        if (nth == 0 || nth < -1 || nth > 4) {
            return null;
        }
        DayOfWeek weekday = days.iterator().next();
        for (int month = 0; month <= 1; month++) {
            LocalDate first = from.withDayOfMonth(1).plusMonths(month);
            LocalDate day = first.with(nth == -1 ? TemporalAdjusters.lastInMonth(weekday)
                    : TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
            if (!day.isBefore(from)) {
                return day;
            }
        }
        throw new IllegalStateException("No " + nth + " " + weekday + " in two months");
    }

    /** Translation key of the first broken rule, or {@code null}. */
    public String problem(LocalDate firstDay) {
        if (interval < 1 || interval > MAX_INTERVAL) {
            return "series.validation.interval";
        }
        if (until == null && (count == null)) {
            return "series.validation.no-end";
        }
        if (count != null && (count < 1 || count > MAX_YEARS * 53 * 7)) {
            return "series.validation.count";
        }
        if (until != null && (until.isBefore(firstDay) || until.isAfter(firstDay.plusYears(MAX_YEARS)))) {
            return "series.validation.until";
        }
        return switch (pattern) {
            case WEEKLY -> days.isEmpty() ? "series.validation.weekday" : null;
            case MONTHLY_WEEKDAY -> days.size() != 1 || nth == 0 || nth < -1 || nth > 4
                    ? "series.validation.nth" : null;
            case MONTHLY_DAY -> dayOfMonth < 1 || dayOfMonth > 31 ? "series.validation.day-of-month" : null;
        };
    }
}

package jp.kosodatehub.events;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;

/**
 * Expands an event into its dates: one for a single event; for a series, the dates of its RRULE, less the
 * public holidays and the closed period it skips, with single dates cancelled or moved by their organisation.
 * Pure computation, so the feed, the calendar export and the tests all derive dates the same way.
 */
public final class OccurrencePlan {

    /** Upper bound on dates per series: five years of daily dates, and protection against runaway rules. */
    public static final int MAX_OCCURRENCES = Recurrence.MAX_YEARS * 366;

    public enum Skip { HOLIDAY, CLOSED_PERIOD }

    /**
     * One date of an event.
     *
     * @param originalStart where the rule put it; identifies the date even after it was moved
     * @param skip why the date was left out of the series, or {@code null} if it takes place (or is cancelled)
     */
    public record Entry(LocalDateTime originalStart, LocalDateTime start, LocalDateTime end, boolean cancelled,
                        String reason, Skip skip) {

        public boolean moved() {
            return !originalStart.equals(start);
        }
    }

    /**
     * What a plan holds, as the editor and the public page both say it: the dates held, the last of them, and the
     * days skipped before it (holidays, the closed period).
     */
    public record Tally(int held, LocalDate last, int skipped) {

        /** Empty when the plan holds no date. */
        public static Optional<Tally> of(List<Entry> plan) {
            List<Entry> held = plan.stream().filter(date -> date.skip() == null).toList();
            return held.isEmpty() ? Optional.empty() : Optional.of(new Tally(held.size(),
                    held.getLast().start().toLocalDate(), plan.size() - held.size()));
        }
    }

    /** A date the organisation changed: cancelled, or moved to another time. */
    public record Change(boolean cancelled, LocalDateTime newStart, LocalDateTime newEnd, String reason) {
    }

    private OccurrencePlan() {
    }

    /** The original start times the rule produces, before skipping anything. */
    public static List<LocalDateTime> ruleDates(LocalDateTime start, String rule) {
        if (rule == null) {
            return List.of(start);
        }
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(rule);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Malformed rule: " + rule, e);
        }
        LocalDateTime end = start.plusYears(Recurrence.MAX_YEARS).plusDays(1);
        return recur.getDates(start, start, end, MAX_OCCURRENCES + 1);
    }

    /**
     * A COUNT is the number of dates held, as a salon means 全12回: skipped holidays and closed days do not count,
     * the series runs on until that many are held. So the rule is expanded without its COUNT and stops at the
     * last date held; dates skipped before it stay in the plan (calendars receive them as EXDATE).
     */
    public static List<Entry> expand(LocalDateTime start, LocalDateTime end, String rule, boolean skipHolidays,
                                     LocalDate skipFrom, LocalDate skipTo, Map<LocalDateTime, Change> changes) {
        Duration length = Duration.between(start, end);
        Integer held = count(rule);
        List<Entry> entries = new ArrayList<>();
        int heldSoFar = 0;
        for (LocalDateTime original : ruleDates(start, held == null ? rule : withoutCount(rule))) {
            if (held != null && heldSoFar == held) {
                break;
            }
            LocalDate day = original.toLocalDate();
            Skip skip = null;
            if (rule != null && skipHolidays && JapaneseHolidays.isHoliday(day)) {
                skip = Skip.HOLIDAY;
            } else if (rule != null && skipFrom != null && skipTo != null && !day.isBefore(skipFrom)
                    && !day.isAfter(skipTo)) {
                skip = Skip.CLOSED_PERIOD;
            }
            if (skip == null) {
                heldSoFar++;
            }
            Change change = changes.get(original);
            if (skip == null && change != null && !change.cancelled() && change.newStart() != null) {
                entries.add(new Entry(original, change.newStart(), change.newEnd(), false, change.reason(), null));
            } else {
                boolean cancelled = skip == null && change != null && change.cancelled();
                entries.add(new Entry(original, original, original.plus(length), cancelled,
                        cancelled ? change.reason() : null, skip));
            }
        }
        return entries;
    }

    /** The series' dates before any single date was changed: what the organiser chose when setting the rule. */
    public static List<Entry> expand(LocalDateTime start, LocalDateTime end, String rule, boolean skipHolidays,
                                     LocalDate skipFrom, LocalDate skipTo) {
        return expand(start, end, rule, skipHolidays, skipFrom, skipTo, Map.of());
    }

    /**
     * The rule as a calendar app must read it next to the plan's EXDATEs: there a COUNT counts every date of the
     * rule, skipped ones included, so it becomes the number of the rule's dates up to the last one held.
     */
    public static String calendarRule(String rule, List<Entry> plan) {
        if (count(rule) == null) {
            return rule;
        }
        return withoutCount(rule) + ";COUNT=" + plan.size();
    }

    private static Integer count(String rule) {
        if (rule == null) {
            return null;
        }
        for (String part : rule.split(";")) {
            if (part.startsWith("COUNT=")) {
                try {
                    return Integer.valueOf(part.substring("COUNT=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Malformed rule: " + rule, e);
                }
            }
        }
        return null;
    }

    private static String withoutCount(String rule) {
        return Arrays.stream(rule.split(";")).filter(part -> !part.startsWith("COUNT="))
                .collect(Collectors.joining(";"));
    }
}

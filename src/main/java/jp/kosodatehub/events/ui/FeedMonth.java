package jp.kosodatehub.events.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;

/**
 * The month shown by the calendar and the printed sheet: {@code ?month=2026-12} next to the feed's own filter
 * parameters, so the three pages can link to each other without losing the visitor's choice.
 */
final class FeedMonth {

    static final String PARAMETER = "month";

    private FeedMonth() {
    }

    /**
     * The month asked for. Without one, the month of the filter's first day (a list narrowed to next month opens
     * the calendar on next month), else this month; a month that cannot be read is this month, not an error.
     */
    static YearMonth read(Map<String, List<String>> parameters, EventFilter filter, LocalDate today) {
        List<String> values = parameters.get(PARAMETER);
        if (values == null || values.isEmpty()) {
            return filter.from() != null ? YearMonth.from(filter.from()) : YearMonth.from(today);
        }
        try {
            YearMonth month = YearMonth.parse(values.get(0));
            // The holiday table covers this century; farther months are typing slips, not plans.
            return month.getYear() < 2000 || month.getYear() > 2099 ? YearMonth.from(today) : month;
        } catch (DateTimeParseException e) {
            return YearMonth.from(today);
        }
    }

    /** The feed's parameters with the month added, for links between the calendar and the printed sheet. */
    static Map<String, List<String>> with(Map<String, List<String>> feedParameters, YearMonth month) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(feedParameters);
        parameters.put(PARAMETER, List.of(month.toString()));
        return parameters;
    }

    /** The month's dates matching the filter, soonest first, at most {@code max} of them. */
    static List<EventOccurrence> dates(EventService events, EventFilter filter, YearMonth month, int max) {
        EventFilter inMonth = filter.withDates(month.atDay(1), month.atEndOfMonth());
        List<EventOccurrence> found = new ArrayList<>();
        while (found.size() < max) {
            int want = Math.min(OffsetPage.MAX_LIMIT, max - found.size());
            List<EventOccurrence> page = events.datesInRange(inMonth, found.size(), want);
            found.addAll(page);
            if (page.size() < want) {
                break;
            }
        }
        return found;
    }

    /** How many dates the month has in all, to say when not all of them are shown. */
    static long count(EventService events, EventFilter filter, YearMonth month) {
        return events.datesInRangeCount(filter.withDates(month.atDay(1), month.atEndOfMonth()));
    }

    /** The day a date is listed under: its first day, or the month's first for one running on from before. */
    static LocalDate dayOf(EventOccurrence date, YearMonth month) {
        LocalDate start = date.getStartsAt().toLocalDate();
        return start.isBefore(month.atDay(1)) ? month.atDay(1) : start;
    }
}

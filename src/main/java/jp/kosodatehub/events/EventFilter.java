package jp.kosodatehub.events;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a visitor narrows the public feed by. Every part is optional; the same filter drives the list, the month
 * calendar, the printed sheet and the subscribable feeds.
 *
 * @param from first day of the date range, inclusive
 * @param to last day of the date range, inclusive
 * @param weekendOrHoliday only dates on a Saturday, Sunday or public holiday
 * @param evening only dates starting at 17:00 or later
 * @param facilities the venue must offer all of these
 */
public record EventFilter(String keyword, Long kindId, AgeBand ageBand, Long districtId, LocalDate from,
                          LocalDate to, boolean weekendOrHoliday, boolean evening, boolean freeOnly,
                          boolean noBooking, TargetGroup targetGroup, Set<Facility> facilities) {

    public static final int KEYWORD_MAX = 100;
    /** Evening events, for parents who work days, start at this minute of the day or later. */
    public static final int EVENING_MINUTE = 17 * 60;

    public EventFilter {
        facilities = facilities == null || facilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facilities));
    }

    public EventFilter(String keyword, Long kindId, AgeBand ageBand, Long districtId, LocalDate from, LocalDate to) {
        this(keyword, kindId, ageBand, districtId, from, to, false, false, false, false, null, Set.of());
    }

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null, null);
    }

    public EventFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new EventFilter(keyword, kindId, ageBand, districtId, newFrom, newTo, weekendOrHoliday, evening,
                freeOnly, noBooking, targetGroup, facilities);
    }
}

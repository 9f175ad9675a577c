package jp.kosodatehub.events;

import java.time.LocalDate;

/**
 * What a visitor narrows the public feed by. Every part is optional.
 *
 * @param from first day of the date range, inclusive
 * @param to last day of the date range, inclusive
 */
public record EventFilter(String keyword, Long kindId, AgeBand ageBand, Long districtId, LocalDate from,
                          LocalDate to) {

    public static final int KEYWORD_MAX = 100;

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null, null);
    }
}

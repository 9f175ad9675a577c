package jp.kosodatehub.events;

import java.time.YearMonth;

/** How many dates fall in one calendar month. */
public record MonthCount(YearMonth month, long count) {

    public MonthCount(Integer year, Integer month, Long count) {
        this(YearMonth.of(year, month), count);
    }
}

package jp.kosodatehub.events;

import java.time.LocalDate;

/** Limits shared by the database columns, the service's checks and the form's fields. */
public final class EventLimits {

    public static final int TITLE_MAX = 100;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int VENUE_NAME_MAX = 100;
    public static final int VENUE_ADDRESS_MAX = 200;
    public static final int BOOKING_HOW_MAX = 500;
    public static final int CONTACT_MAX = 200;
    public static final int REASON_MAX = 1000;
    public static final int CAPACITY_MAX = 100_000;
    public static final int FEE_MAX = 1_000_000;
    /** An event serves a few initiatives at most; tagging with everything would say nothing. */
    public static final int INITIATIVES_MAX = 10;
    /** An event may last at most this many days (a multi-day festival, never a year). */
    public static final int DURATION_MAX_DAYS = 31;
    /** How far into the past and future an event may be dated; catches typos such as year 99999 or 2205. */
    public static final int YEARS_BACK = 1;
    public static final int YEARS_AHEAD = 3;

    private EventLimits() {
    }

    public static LocalDate earliestDate(LocalDate today) {
        return today.minusYears(YEARS_BACK);
    }

    public static LocalDate latestDate(LocalDate today) {
        return today.plusYears(YEARS_AHEAD);
    }
}

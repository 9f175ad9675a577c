package jp.kosodatehub.volunteers;

import java.util.Locale;

/** When helpers are needed: on one date, at a linked event or series of the calendar, or ongoing. */
public enum OpeningSchedule {
    ONE_DATE,
    EVENT,
    ONGOING;

    public String translationKey() {
        return "volunteer.schedule." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package jp.kosodatehub.goals;

import java.util.Locale;
import jp.kosodatehub.events.TargetGroup;

/**
 * What a computed indicator counts, per fiscal year, as data rather than code: published, not cancelled event dates
 * of the hub's own calendar matching every part given, volunteers recruited or their activity hours. Codes rather
 * than ids, so that a definition survives a CSV round trip into another database. The event filters apply to event
 * dates only and stay empty for the volunteer sources.
 *
 * @param kindCode code of an event kind (salon…), or null for any
 * @param districtCode code of a district, or null for any
 * @param weekendOrHoliday only dates on a Saturday, Sunday or public holiday
 * @param targetGroup only events for this group, or null for any
 */
public record ComputedDefinition(Source source, String kindCode, String districtCode, boolean weekendOrHoliday,
                                 TargetGroup targetGroup) {

    /** The records a computed indicator counts. */
    public enum Source {
        /** Published, not cancelled dates of the hub's calendar. */
        EVENT_DATES,
        /** Volunteers first active in the year who are active or finished now. */
        VOLUNTEERS_RECRUITED,
        /** Hours volunteers gave in the year. */
        VOLUNTEER_HOURS;

        public boolean countsVolunteers() {
            return this == VOLUNTEERS_RECRUITED || this == VOLUNTEER_HOURS;
        }

        public String translationKey() {
            return "goals.computed-source." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static ComputedDefinition eventDates(String kindCode, String districtCode, boolean weekendOrHoliday,
                                                TargetGroup targetGroup) {
        return new ComputedDefinition(Source.EVENT_DATES, kindCode, districtCode, weekendOrHoliday, targetGroup);
    }

    /** A volunteer count: no event filters apply. */
    public static ComputedDefinition volunteers(Source source) {
        return new ComputedDefinition(source, null, null, false, null);
    }
}

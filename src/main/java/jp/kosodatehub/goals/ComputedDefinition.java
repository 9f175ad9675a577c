package jp.kosodatehub.goals;

import jp.kosodatehub.events.TargetGroup;

/**
 * What a computed indicator counts, per fiscal year, as data rather than code: published, not cancelled event dates
 * of the hub's own calendar matching every part given. Codes rather than ids, so that a definition survives a CSV
 * round trip into another database.
 *
 * @param kindCode code of an event kind (salon…), or null for any
 * @param districtCode code of a district, or null for any
 * @param weekendOrHoliday only dates on a Saturday, Sunday or public holiday
 * @param targetGroup only events for this group, or null for any
 */
public record ComputedDefinition(Source source, String kindCode, String districtCode, boolean weekendOrHoliday,
                                 TargetGroup targetGroup) {

    /** The records a computed indicator counts; volunteers recruited will follow. */
    public enum Source { EVENT_DATES }

    public static ComputedDefinition eventDates(String kindCode, String districtCode, boolean weekendOrHoliday,
                                                TargetGroup targetGroup) {
        return new ComputedDefinition(Source.EVENT_DATES, kindCode, districtCode, weekendOrHoliday, targetGroup);
    }
}

package jp.kosodatehub.volunteers;

/**
 * What a visitor chose on the public volunteer board; {@code null} parts mean "any".
 *
 * @param suitableFor openings for this kind of supporter, or for anyone
 * @param districtId  openings in this district
 * @param timing      ongoing, dated, or both
 */
public record OpeningFilter(SupporterType suitableFor, Long districtId, Timing timing) {

    /** Whether helpers are needed at any time (随時) or on given dates (a day, or an event's dates). */
    public enum Timing {
        ANY,
        ONGOING,
        DATED
    }

    public OpeningFilter {
        timing = timing == null ? Timing.ANY : timing;
    }

    public static OpeningFilter none() {
        return new OpeningFilter(null, null, Timing.ANY);
    }
}

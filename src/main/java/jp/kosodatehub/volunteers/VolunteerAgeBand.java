package jp.kosodatehub.volunteers;

import java.util.Locale;

/** Age bands an applicant gives instead of a birth date: enough for the minor rule and the statistics. */
public enum VolunteerAgeBand {
    AGE_12_14(12, 14),
    AGE_15_17(15, 17),
    AGE_18_22(18, 22),
    AGE_23_39(23, 39),
    AGE_40_64(40, 64),
    AGE_65_PLUS(65, 120);

    private final int from;
    private final int to;

    VolunteerAgeBand(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** Under 18: the offer needs a guardian's name and consent. */
    public boolean isMinor() {
        return to < 18;
    }

    /** Whether someone in this band can be old enough for an opening's minimum age. */
    public boolean canBeAtLeast(Integer minimumAge) {
        return minimumAge == null || to >= minimumAge;
    }

    public int from() {
        return from;
    }

    public String translationKey() {
        return "volunteer.age." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

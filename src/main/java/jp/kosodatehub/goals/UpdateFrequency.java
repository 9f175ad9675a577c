package jp.kosodatehub.goals;

import java.util.Locale;

/**
 * How often an indicator gets a new result. A result is expected within the interval plus a grace period, because
 * figures are counted after the period closes: a month for monthly and quarterly figures, three months for yearly
 * ones (a fiscal year's totals usually arrive by June).
 */
public enum UpdateFrequency {
    MONTHLY(1, 1), QUARTERLY(3, 1), YEARLY(12, 3);

    private final int months;
    private final int graceMonths;

    UpdateFrequency(int months, int graceMonths) {
        this.months = months;
        this.graceMonths = graceMonths;
    }

    public int months() {
        return months;
    }

    public int graceMonths() {
        return graceMonths;
    }

    public String translationKey() {
        return "goals.frequency." + name().toLowerCase(Locale.ROOT);
    }
}

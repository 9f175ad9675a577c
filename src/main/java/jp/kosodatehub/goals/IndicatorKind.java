package jp.kosodatehub.goals;

import java.util.Locale;

/** What an indicator's values are. DONE indicators take 0 (未実施) or 1 (実施) only. */
public enum IndicatorKind {
    NUMBER, PERCENT, COUNT, DONE;

    /** Whether values split by breakdown add up to the total; a percentage of 窓口 and 電話 does not. */
    boolean isAdditive() {
        return this == NUMBER || this == COUNT;
    }

    public String translationKey() {
        return "goals.kind." + name().toLowerCase(Locale.ROOT);
    }
}

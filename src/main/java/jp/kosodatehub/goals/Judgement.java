package jp.kosodatehub.goals;

import java.util.Locale;

/** How an indicator stands against its target and the time gone by in the plan period. */
public enum Judgement {
    ACHIEVED, ON_TRACK, BEHIND, NO_DATA;

    public String translationKey() {
        return "goals.judgement." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

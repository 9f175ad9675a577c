package jp.kosodatehub.events;

import java.util.Locale;

/** Child age bands the network sorts its events by, as parents look for them. */
public enum AgeBand {
    PRENATAL,
    AGE_0,
    AGE_1,
    AGE_2,
    PRESCHOOL,
    ELEMENTARY;

    public String translationKey() {
        return "age-band." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package jp.kosodatehub.events;

import java.util.Locale;

/** What the venue offers families with small children. */
public enum Facility {
    STROLLER,
    NURSING_ROOM,
    NAPPY_CHANGE;

    public String translationKey() {
        return "facility." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

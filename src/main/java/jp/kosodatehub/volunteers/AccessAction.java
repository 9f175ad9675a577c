package jp.kosodatehub.volunteers;

import java.util.Locale;

/** What someone did with applicants' personal data, for the access log. */
public enum AccessAction {
    LIST,
    VIEW,
    EXPORT,
    ERASE;

    public String translationKey() {
        return "volunteer.access." + name().toLowerCase(Locale.ROOT);
    }
}

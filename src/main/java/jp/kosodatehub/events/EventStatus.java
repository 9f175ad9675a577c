package jp.kosodatehub.events;

import java.util.Locale;
import java.util.Set;

public enum EventStatus {
    DRAFT,
    SUBMITTED,
    SENT_BACK,
    PUBLISHED,
    CANCELLED,
    WITHDRAWN;

    /** States the public sees: cancelled events stay visible, marked as cancelled. */
    public static final Set<EventStatus> PUBLIC = Set.of(PUBLISHED, CANCELLED);

    public String translationKey() {
        return "event.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

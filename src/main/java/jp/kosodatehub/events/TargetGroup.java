package jp.kosodatehub.events;

import java.util.Locale;

/** Who an event is especially meant for, beyond the child's age. */
public enum TargetGroup {
    EXPECTANT_PARENTS,
    SINGLE_PARENTS,
    FATHERS,
    MULTI_GENERATION,
    FOREIGN_FAMILIES,
    SPECIAL_NEEDS;

    public String translationKey() {
        return "target-group." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

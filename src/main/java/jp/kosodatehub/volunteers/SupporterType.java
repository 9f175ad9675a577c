package jp.kosodatehub.volunteers;

import java.util.Locale;

/**
 * Who a volunteer is, as the network counts its helpers: 中高生, 大学生, 子育て中の方, 定年後の方, or anyone else.
 * For an opening it says whom the role suits; {@link #ANYONE} there means everybody is welcome.
 */
public enum SupporterType {
    STUDENT,
    UNIVERSITY,
    PARENT,
    RETIRED,
    ANYONE;

    public String translationKey() {
        return "volunteer.supporter." + name().toLowerCase(Locale.ROOT);
    }
}

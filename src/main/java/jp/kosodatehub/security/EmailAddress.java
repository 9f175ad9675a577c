package jp.kosodatehub.security;

import java.text.Normalizer;
import java.util.regex.Pattern;
import jp.kosodatehub.base.validation.TextRules;

/**
 * The rules for an account's notification address. Stricter than what mail standards allow: plain ASCII, one @,
 * a dotted domain. The address goes into a mail header, so anything unusual is refused rather than escaped.
 */
public final class EmailAddress {

    /** The longest address a mail server accepts on its path (RFC 5321). */
    public static final int MAX = 254;
    static final int LOCAL_PART_MAX = 64;

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "\\.[A-Za-z]{2,63}");

    private EmailAddress() {
    }

    /**
     * Trims, turns what a Japanese keyboard often produces (full-width letters, ＠, ．) into plain characters and
     * blank into {@code null}.
     */
    public static String normalise(String text) {
        String trimmed = TextRules.normalise(text);
        return trimmed == null ? null : Normalizer.normalize(trimmed, Normalizer.Form.NFKC).strip();
    }

    /** Translation key of the problem with an already normalised address, or {@code null}; absent is fine. */
    public static String check(String address) {
        String problem = TextRules.check(address, false, MAX, false);
        if (problem != null || address == null) {
            return problem;
        }
        int at = address.indexOf('@');
        return SHAPE.matcher(address).matches() && at <= LOCAL_PART_MAX ? null : "mail.validation.email-format";
    }
}

package jp.kosodatehub.volunteers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.kosodatehub.base.validation.TextRules;

/**
 * The rules an offer of help must satisfy. The form checks them field by field as the visitor types; the service
 * checks them all again, so a request that bypasses the form is held to the same rules.
 */
public final class OfferRules {

    public static final int PHONE_DIGITS_MIN = 10;
    public static final int PHONE_DIGITS_MAX = 15;

    // Deliberately simple: one @, something on both sides, a dot in the domain. The organisation writes back, which
    // is the only real test of an address.
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]+");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    private OfferRules() {
    }

    /**
     * Turns what a Japanese keyboard often produces (full-width digits, ＠, －) into plain characters and trims;
     * blank becomes {@code null}.
     */
    public static String normaliseContact(String text) {
        String trimmed = TextRules.normalise(text);
        return trimmed == null ? null : Normalizer.normalize(trimmed, Normalizer.Form.NFKC).strip();
    }

    /** Translation key of the problem with an e-mail address, or {@code null}; blank is fine here. */
    public static String checkEmail(String email) {
        String value = normaliseContact(email);
        String problem = TextRules.check(value, false, Applicant.EMAIL_MAX, false);
        if (problem != null || value == null) {
            return problem;
        }
        return EMAIL.matcher(value).matches() ? null : "volunteer.offer.bad-email";
    }

    /** Translation key of the problem with a phone number, or {@code null}; blank is fine here. */
    public static String checkPhone(String phone) {
        String value = normaliseContact(phone);
        String problem = TextRules.check(value, false, Applicant.PHONE_MAX, false);
        if (problem != null || value == null) {
            return problem;
        }
        int digits = NOT_DIGIT.matcher(value).replaceAll("").length();
        return PHONE.matcher(value).matches() && digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX
                ? null : "volunteer.offer.bad-phone";
    }

    /** Whether at least one way to reach the person was given. */
    public static boolean hasContact(String email, String phone) {
        return normaliseContact(email) != null || normaliseContact(phone) != null;
    }

    /**
     * The key that finds earlier offers from the same person: the e-mail address in lower case if given, else the
     * phone's digits with a Japanese country code turned back into the leading 0 (+81 90… and 090… match).
     */
    public static String contactKey(String email, String phone) {
        String address = normaliseContact(email);
        if (address != null) {
            return address.toLowerCase(Locale.ROOT);
        }
        String number = normaliseContact(phone);
        if (number == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(number).replaceAll("");
        if (!number.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("81")) {
            String national = digits.substring(2);
            // "+81 (0)90 …" is written too: the 0 in brackets is not part of the international number.
            return national.startsWith("0") ? national : "0" + national;
        }
        return "+" + digits;
    }
}

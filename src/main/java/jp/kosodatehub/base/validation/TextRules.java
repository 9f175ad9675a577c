package jp.kosodatehub.base.validation;

import java.util.regex.Pattern;

/**
 * Rules for free text typed by users. Text is stored and shown as plain text; markup is refused outright rather
 * than stripped, so that what the author sees in the form is exactly what the public will see.
 */
public final class TextRules {

    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;|javascript\\s*:|data\\s*:\\s*text/html", Pattern.CASE_INSENSITIVE);
    // Tabs and line breaks are fine in multi-line text; any other control character is not. Nor is half of a
    // surrogate pair: text that is not valid Unicode (a broken encoding) would be stored as "?" by the database.
    private static final Pattern CONTROL = Pattern.compile(
            "[\\p{Cc}\\p{Cs}&&[^\\t\\n\\r]]|[\\u2028\\u2029\\u202A-\\u202E]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

    private TextRules() {
    }

    public static boolean containsMarkup(String text) {
        return text != null && MARKUP.matcher(text).find();
    }

    public static boolean containsControlCharacters(String text) {
        return text != null && CONTROL.matcher(text).find();
    }

    public static boolean containsLineBreak(String text) {
        return text != null && LINE_BREAK.matcher(text).find();
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Length in code points, so that a kanji or an emoji counts as one character, as the user counts them. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /**
     * Checks one text field and returns the translation key of the first broken rule, or {@code null}.
     *
     * @param multiLine whether line breaks are allowed
     */
    public static String check(String text, boolean required, int maxLength, boolean multiLine) {
        if (isBlank(text)) {
            return required ? "validation.required" : null;
        }
        if (length(text) > maxLength) {
            return "validation.too-long";
        }
        if (containsMarkup(text)) {
            return "validation.markup";
        }
        if (containsControlCharacters(text) || (!multiLine && containsLineBreak(text))) {
            return "validation.control-characters";
        }
        return null;
    }

    /** Trims and turns blank into null, so that empty optional fields are stored as absent. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip().replace("\r\n", "\n").replace('\r', '\n');
        return trimmed.isEmpty() ? null : trimmed;
    }
}

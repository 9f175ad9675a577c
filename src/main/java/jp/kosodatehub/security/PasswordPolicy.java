package jp.kosodatehub.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import jp.kosodatehub.base.validation.TextRules;

/** What a new password must satisfy. Long passphrases are encouraged; well-known passwords are refused. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be cut (or refused) silently, so refuse it here. */
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password123", "1234567890", "12345678901", "123456789012", "qwertyuiop",
            "qwerty1234", "iloveyou12", "kosodatehub", "administrator", "0123456789", "1111111111", "abcdefghij",
            "passw0rd12", "letmein123", "welcome123", "changeme12", "1q2w3e4r5t", "1qaz2wsx3edc", "q1w2e3r4t5",
            "qwerty123456", "password1234", "iloveyou123", "abc1234567", "9876543210", "0987654321", "a1b2c3d4e5",
            "p@ssw0rd123", "p@ssword123", "admin12345", "adminadmin", "qwertyuiop1", "asdfghjkl1", "zxcvbnm123",
            "welcome1234", "sunshine12", "princess12", "football12", "baseball12", "superman12", "dragon1234",
            "monkey1234", "master1234", "letmein1234", "trustno1234", "helloworld", "hello12345", "sakura1234",
            "doraemon12", "pikachu123", "kanazawa123", "yokohama123", "kosodate123", "kosodatehub1",
            "passwordpassword", "qazwsxedc1", "1qazxsw23edc");

    private PasswordPolicy() {
    }

    /** Returns the translation key of the broken rule, or {@code null} if the password is acceptable. */
    public static String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "password.too-short";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "password.too-long";
        }
        // Markup is fine in a password, which is never shown; control characters and broken Unicode cannot be typed
        // at the login, and half a surrogate pair would be hashed as "?".
        if (TextRules.containsControlCharacters(password) || TextRules.containsLineBreak(password)) {
            return "validation.control-characters";
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))
                || password.chars().distinct().count() < 4) {
            return "password.too-common";
        }
        return null;
    }
}

package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordPolicyTest {

    @Test
    void missingOrShortPasswordIsTooShort() {
        assertThat(PasswordPolicy.check(null)).isEqualTo("password.too-short");
        assertThat(PasswordPolicy.check("")).isEqualTo("password.too-short");
        assertThat(PasswordPolicy.check("kosodate1")).isEqualTo("password.too-short");
    }

    @Test
    void tenDifferentEnoughCharactersAreEnough() {
        assertThat(PasswordPolicy.check("kosodate-1")).isNull();
        assertThat(PasswordPolicy.check("abcdabcdab")).isNull();
    }

    @Test
    void lengthIsCountedInCharactersAsPeopleCountThem() {
        // Five emoji are ten UTF-16 units but only five characters.
        assertThat(PasswordPolicy.check("😀😁😂🤣😃")).isEqualTo("password.too-short");
        assertThat(PasswordPolicy.check("子育て支援拠点とことこ")).isNull();
    }

    @Test
    void passwordLongerThanBcryptCanReadIsRefused() {
        assertThat(PasswordPolicy.check("abcd".repeat(PasswordPolicy.MAX_BYTES / 4))).isNull();
        assertThat(PasswordPolicy.check("abcd".repeat(PasswordPolicy.MAX_BYTES / 4) + "e"))
                .isEqualTo("password.too-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "PASSWORD123", "QwertyUiop", "KosodateHub", "1234567890", "Changeme12"})
    void wellKnownPasswordsAreRefusedWhateverTheirCase(String password) {
        assertThat(PasswordPolicy.check(password)).isEqualTo("password.too-common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "ababababab", "abcabcabca", "1212121212121212", "あいうあいうあいうあ"})
    void passwordsOfThreeOrFewerDifferentCharactersAreRefused(String password) {
        assertThat(PasswordPolicy.check(password)).isEqualTo("password.too-common");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 72})
    void everyAsciiPasswordThePolicyAcceptsCanBeStored(int length) {
        assertAcceptedAndStorable(passphrase("kites-over-kanazawa ", length));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 24})
    void everyJapanesePasswordThePolicyAcceptsCanBeStored(int length) {
        // Kanji take three bytes each in UTF-8, which is what bcrypt's 72-byte limit counts.
        assertAcceptedAndStorable(passphrase("金沢区の子育てサロンで遊ぶ", length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii:73", "ascii:128", "japanese:25"})
    void passwordsBcryptCouldNotStoreWhollyAreRefusedWithAMessage(String lengthCase) {
        String[] parts = lengthCase.split(":");
        String pattern = "ascii".equals(parts[0]) ? "kites-over-kanazawa " : "金沢区の子育てサロンで遊ぶ";
        assertThat(PasswordPolicy.check(passphrase(pattern, Integer.parseInt(parts[1]))))
                .isEqualTo("password.too-long");
    }

    private static String passphrase(String pattern, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(pattern);
        }
        return text.substring(0, length);
    }

    private static void assertAcceptedAndStorable(String password) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(PasswordPolicy.check(password)).as("policy verdict on a %d-character password",
                password.length()).isNull();

        assertThatCode(() -> assertThat(encoder.matches(password, encoder.encode(password))).isTrue())
                .as("hashing a %d-character, %d-byte password the policy accepts", password.length(),
                        password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .doesNotThrowAnyException();
    }
}

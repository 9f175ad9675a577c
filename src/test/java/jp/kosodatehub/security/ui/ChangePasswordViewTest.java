package jp.kosodatehub.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValidationUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class ChangePasswordViewTest extends KaribuTest {

    private static final String NEW_PASSWORD = "kenrokuen-no-yuki-tsuri";

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PasswordEncoder encoder;

    @Test
    void staffMemberChangesOwnPassword() {
        String username = fixtures.member(fixtures.organisation("泉野子育てひろば", false));
        login(username);
        UI.getCurrent().navigate("my/password");

        _setValue(field("現在のパスワード"), TestFixtures.PASSWORD);
        _setValue(field("新しいパスワード"), NEW_PASSWORD);
        _setValue(field("新しいパスワード（確認用）"), NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("パスワードを変更する")));

        NotificationsKt.expectNotifications("パスワードを変更しました");
        assertThat(field("現在のパスワード").getValue()).isEmpty();
        assertThat(field("新しいパスワード").isInvalid()).isFalse();
        assertThat(encoder.matches(NEW_PASSWORD, passwordHash(username))).isTrue();
    }

    @Test
    void mismatchedRepeatIsShownAtTheRepeatFieldAndNothingIsSaved() {
        String username = fixtures.coordinator();
        login(username);
        UI.getCurrent().navigate("my/password");

        _setValue(field("現在のパスワード"), TestFixtures.PASSWORD);
        _setValue(field("新しいパスワード"), NEW_PASSWORD);
        _setValue(field("新しいパスワード（確認用）"), NEW_PASSWORD + "x");
        _click(_get(Button.class, spec -> spec.withText("パスワードを変更する")));

        HasValidationUtilsKt._expectInvalid(field("新しいパスワード（確認用）"), "確認用のパスワードが一致しません");
        assertThat(encoder.matches(TestFixtures.PASSWORD, passwordHash(username))).isTrue();
    }

    @Test
    void wrongCurrentPasswordAndTooShortNewPasswordAreShownAtTheirFields() {
        String username = fixtures.member(fixtures.organisation("米丸子育てサロン", false));
        login(username);
        UI.getCurrent().navigate("my/password");

        _setValue(field("現在のパスワード"), "not-my-password");
        _setValue(field("新しいパスワード"), NEW_PASSWORD);
        _setValue(field("新しいパスワード（確認用）"), NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("パスワードを変更する")));
        HasValidationUtilsKt._expectInvalid(field("現在のパスワード"), "現在のパスワードが違います");

        _setValue(field("現在のパスワード"), TestFixtures.PASSWORD);
        _setValue(field("新しいパスワード"), "tanpen");
        _setValue(field("新しいパスワード（確認用）"), "tanpen");
        _click(_get(Button.class, spec -> spec.withText("パスワードを変更する")));
        HasValidationUtilsKt._expectValid(field("現在のパスワード"));
        HasValidationUtilsKt._expectInvalid(field("新しいパスワード"), "パスワードは10文字以上にしてください");

        assertThat(encoder.matches(TestFixtures.PASSWORD, passwordHash(username))).isTrue();
    }

    @Test
    void visitorWhoIsNotLoggedInIsSentToTheLoginPage() {
        UI.getCurrent().navigate("my/password");

        assertThat(_find(ChangePasswordView.class)).isEmpty();
        assertThat(_find(LoginView.class)).hasSize(1);
    }

    private static PasswordField field(String label) {
        return _get(PasswordField.class, spec -> spec.withLabel(label));
    }

    private String passwordHash(String username) {
        return users.loadUserByUsername(username).getPassword();
    }
}

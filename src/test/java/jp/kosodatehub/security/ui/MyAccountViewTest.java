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
import com.vaadin.flow.component.textfield.EmailField;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.security.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MyAccountViewTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Test
    void staffMemberSetsAndRemovesTheirOwnNotificationAddress() {
        String username = fixtures.member(fixtures.organisation("能見台子育てひろば", false));
        login(username);
        UI.getCurrent().navigate("my/account");

        assertThat(email().getValue()).isEmpty();
        _setValue(email(), "  nokendai@example.jp ");
        _click(save());

        NotificationsKt.expectNotifications("通知先を保存しました");
        assertThat(email().getValue()).isEqualTo("nokendai@example.jp");
        assertThat(fixtures.account(username).getEmail()).isEqualTo("nokendai@example.jp");

        UI.getCurrent().navigate("my/account");
        assertThat(email().getValue()).isEqualTo("nokendai@example.jp");
        _setValue(email(), "");
        _click(save());

        NotificationsKt.expectNotifications("通知先を削除しました。メールでのお知らせは届きません");
        assertThat(fixtures.account(username).getEmail()).isNull();
    }

    @Test
    void badAddressIsShownAtTheFieldAndTheStoredOneStays() {
        String username = fixtures.coordinator();
        fixtures.as(username, () -> accounts.changeOwnEmail("office@example.jp"));
        login(username);
        UI.getCurrent().navigate("my/account");

        _setValue(email(), "office@example");
        _click(save());

        HasValidationUtilsKt._expectInvalid(email(), "メールアドレスの形式が正しくありません（例：info@example.jp）");
        assertThat(fixtures.account(username).getEmail()).isEqualTo("office@example.jp");

        _setValue(email(), "office@example.jp\nBcc: everyone@example.jp");
        _click(save());

        HasValidationUtilsKt._expectInvalid(email(), "使えない文字（制御文字や改行）が含まれています");
        assertThat(fixtures.account(username).getEmail()).isEqualTo("office@example.jp");
    }

    @Test
    void visitorWithoutLoginIsSentToTheLoginPage() {
        logout();

        UI.getCurrent().navigate("my/account");

        assertThat(_find(MyAccountView.class)).isEmpty();
        _get(LoginView.class);
    }

    private static EmailField email() {
        return _get(EmailField.class, spec -> spec.withLabel("通知先メールアドレス"));
    }

    private static Button save() {
        return _get(Button.class, spec -> spec.withText("保存する"));
    }
}

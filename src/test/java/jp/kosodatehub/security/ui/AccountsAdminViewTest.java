package jp.kosodatehub.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValidationUtilsKt;
import jp.kosodatehub.base.ui.NotFoundView;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.security.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountsAdminViewTest extends KaribuTest {

    private static final String NEW_PASSWORD = "asagao-no-saku-michi";

    @Autowired
    private AccountService accounts;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PasswordEncoder encoder;

    @Test
    void coordinatorCreatesMemberAccountForAnOrganisation() {
        Organisation organisation = fixtures.organisation("額子育て支援センター", false);
        String username = TestFixtures.unique("sato");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");

        _click(_get(Button.class, spec -> spec.withText("アカウントを作成")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("ユーザー名")), username);
        _setValue(_get(TextField.class, spec -> spec.withLabel("氏名・表示名")), "佐藤 花子");
        assertThat(_get(Select.class, spec -> spec.withLabel("権限")).getValue()).isEqualTo(AccountRole.MEMBER);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("所属団体")), organisation);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("初期パスワード")), NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("新規作成")));

        NotificationsKt.expectNotifications("アカウント「" + username + "」を作成しました");
        assertThat(_find(Dialog.class)).isEmpty();
        Grid<Account> grid = accountGrid();
        int row = rowOf(grid, username);
        assertThat(GridKt._getFormatted(grid, row, "displayName")).isEqualTo("佐藤 花子");
        assertThat(GridKt._getFormatted(grid, row, "role")).isEqualTo("団体スタッフ");
        assertThat(GridKt._getFormatted(grid, row, "organisation")).isEqualTo(organisation.getName());
        assertThat(GridKt._getFormatted(grid, row, "enabled")).contains("有効");

        Account saved = stored(username).orElseThrow();
        assertThat(saved.getRole()).isEqualTo(AccountRole.MEMBER);
        assertThat(saved.getOrganisation()).isEqualTo(organisation);
        assertThat(encoder.matches(NEW_PASSWORD, users.loadUserByUsername(username).getPassword())).isTrue();
    }

    @Test
    void organisationIsAskedForOnlyForMemberAccounts() {
        String username = TestFixtures.unique("office");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");

        _click(_get(Button.class, spec -> spec.withText("アカウントを作成")));
        ComboBox<?> organisation = _get(ComboBox.class, spec -> spec.withLabel("所属団体"));
        assertThat(organisation.isVisible()).isTrue();
        _setValue(_get(Select.class, spec -> spec.withLabel("権限")), AccountRole.COORDINATOR);
        assertThat(organisation.isVisible()).isFalse();
        _setValue(_get(TextField.class, spec -> spec.withLabel("ユーザー名")), username);
        _setValue(_get(TextField.class, spec -> spec.withLabel("氏名・表示名")), "こども家庭支援課");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("初期パスワード")), NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("新規作成")));

        Grid<Account> grid = accountGrid();
        assertThat(GridKt._getFormatted(grid, rowOf(grid, username), "role")).isEqualTo("事務局");
        Account saved = stored(username).orElseThrow();
        assertThat(saved.getRole()).isEqualTo(AccountRole.COORDINATOR);
        assertThat(saved.getOrganisation()).isNull();
    }

    @Test
    void duplicateUsernameAndShortPasswordAreShownAtTheFieldsAndNothingIsSaved() {
        Organisation organisation = fixtures.organisation("西部子育て支援センター", false);
        String existing = fixtures.member(organisation);
        String marker = TestFixtures.unique("重複テスト");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");
        long before = accounts.count();

        _click(_get(Button.class, spec -> spec.withText("アカウントを作成")));
        TextField username = _get(TextField.class, spec -> spec.withLabel("ユーザー名"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("初期パスワード"));
        _setValue(username, existing.toUpperCase(Locale.ROOT));
        _setValue(_get(TextField.class, spec -> spec.withLabel("氏名・表示名")), marker);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("所属団体")), organisation);
        _setValue(password, "short");
        _click(_get(Button.class, spec -> spec.withText("新規作成")));

        HasValidationUtilsKt._expectInvalid(username, "このユーザー名はすでに使われています");
        HasValidationUtilsKt._expectInvalid(password, "パスワードは10文字以上にしてください");
        assertThat(_find(Dialog.class)).hasSize(1);
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(allAccounts()).noneMatch(a -> a.getDisplayName().equals(marker));
    }

    @Test
    void coordinatorDisablesAnAccountAndResetsItsPassword() {
        String username = fixtures.member(fixtures.organisation("鳴和子育てサロン", false));
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");

        _click(rowButton(username, "無効にする"));

        NotificationsKt.expectNotifications("アカウント「" + username + "」を無効にしました");
        Grid<Account> grid = accountGrid();
        assertThat(GridKt._getFormatted(grid, rowOf(grid, username), "enabled")).contains("無効");
        assertThat(stored(username).orElseThrow().isEnabled()).isFalse();

        _click(rowButton(username, "パスワード再設定"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("新しいパスワード"));
        _setValue(password, "123");
        _click(_get(Button.class, spec -> spec.withText("再設定する")));
        HasValidationUtilsKt._expectInvalid(password, "パスワードは10文字以上にしてください");
        assertThat(encoder.matches(TestFixtures.PASSWORD, passwordHash(username))).isTrue();

        _setValue(password, NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("再設定する")));

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(encoder.matches(NEW_PASSWORD, passwordHash(username))).isTrue();
        _click(rowButton(username, "有効にする"));
        assertThat(stored(username).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void coordinatorIsToldThatTheirOwnAccountCannotBeDisabled() {
        String me = fixtures.coordinator();
        login(me);
        UI.getCurrent().navigate("admin/accounts");

        _click(rowButton(me, "無効にする"));

        NotificationsKt.expectNotifications("自分のアカウントは無効にできません");
        assertThat(stored(me).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void memberIsRefusedTheAccountsAdmin() {
        login(fixtures.member(fixtures.organisation("大野町子ども会", false)));

        UI.getCurrent().navigate("admin/accounts");

        // The access check answers "not found" rather than revealing that an admin page exists there.
        _get(NotFoundView.class);
        assertThat(_find(AccountsAdminView.class)).isEmpty();
    }

    @Test
    void coordinatorGivesANewAccountANotificationAddressShownInTheList() {
        Organisation organisation = fixtures.organisation("六浦子育てサロン", false);
        String username = TestFixtures.unique("mail-staff");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");

        _click(_get(Button.class, spec -> spec.withText("アカウントを作成")));
        EmailField email = _get(EmailField.class, spec -> spec.withLabel("通知先メールアドレス"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("ユーザー名")), username);
        _setValue(_get(TextField.class, spec -> spec.withLabel("氏名・表示名")), "山田 花子");
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("所属団体")), organisation);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("初期パスワード")), NEW_PASSWORD);
        _setValue(email, "yamada@");
        _click(_get(Button.class, spec -> spec.withText("新規作成")));

        HasValidationUtilsKt._expectInvalid(email, "メールアドレスの形式が正しくありません（例：info@example.jp）");
        assertThat(stored(username)).isEmpty();

        _setValue(email, "yamada@example.jp");
        _click(_get(Button.class, spec -> spec.withText("新規作成")));

        assertThat(_find(Dialog.class)).isEmpty();
        Grid<Account> grid = accountGrid();
        assertThat(GridKt._getFormatted(grid, rowOf(grid, username), "email")).isEqualTo("yamada@example.jp");
        assertThat(stored(username).orElseThrow().getEmail()).isEqualTo("yamada@example.jp");
    }

    @Test
    void coordinatorChangesAndRemovesAnAccountsNotificationAddress() {
        String username = fixtures.member(fixtures.organisation("釜利谷子ども食堂", false));
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");

        _click(rowButton(username, "通知先を変更"));
        EmailField email = _get(EmailField.class, spec -> spec.withLabel("通知先メールアドレス"));
        assertThat(email.getValue()).isEmpty();
        _setValue(email, "<b>@example.jp");
        _click(_get(Button.class, spec -> spec.withText("保存")));
        HasValidationUtilsKt._expectInvalid(email, "HTMLタグやスクリプトは使えません");
        assertThat(stored(username).orElseThrow().getEmail()).isNull();
        NotificationsKt.clearNotifications();

        _setValue(email, "kamariya@example.jp");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        NotificationsKt.expectNotifications("アカウント「" + username + "」の通知先を変更しました");
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(stored(username).orElseThrow().getEmail()).isEqualTo("kamariya@example.jp");

        _click(rowButton(username, "通知先を変更"));
        EmailField again = _get(EmailField.class, spec -> spec.withLabel("通知先メールアドレス"));
        assertThat(again.getValue()).isEqualTo("kamariya@example.jp");
        _setValue(again, "");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(stored(username).orElseThrow().getEmail()).isNull();
        Grid<Account> grid = accountGrid();
        assertThat(GridKt._getFormatted(grid, rowOf(grid, username), "email")).isEmpty();
    }

    private static Button rowButton(String username, String text) {
        Grid<Account> grid = accountGrid();
        Component actions = GridKt._getCellComponent(grid, rowOf(grid, username), "actions");
        return _get(actions, Button.class, spec -> spec.withText(text));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Account> accountGrid() {
        return _get(Grid.class);
    }

    /** Pages through the grid as it scrolls: the shared test database holds more accounts than one fetch. */
    private static int rowOf(Grid<Account> grid, String username) {
        int size = GridKt._size(grid);
        for (int offset = 0; offset < size; offset += 100) {
            List<Account> rows = GridKt._fetch(grid, offset, 100);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getUsername().equals(username)) {
                    return offset + i;
                }
            }
        }
        throw new AssertionError("No row for " + username);
    }

    /** Every account, page by page: one page holds at most OffsetPage.MAX_LIMIT, fewer than the shared database. */
    private List<Account> allAccounts() {
        List<Account> all = new ArrayList<>();
        long count = accounts.count();
        for (int offset = 0; offset < count; offset += OffsetPage.MAX_LIMIT) {
            all.addAll(accounts.page(offset, OffsetPage.MAX_LIMIT));
        }
        return all;
    }

    private Optional<Account> stored(String username) {
        return allAccounts().stream().filter(a -> a.getUsername().equals(username)).findFirst();
    }

    private String passwordHash(String username) {
        return users.loadUserByUsername(username).getPassword();
    }
}

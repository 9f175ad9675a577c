package jp.kosodatehub.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.LoginProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The office sees which accounts are locked after failed logins and lifts the lock; the login page says why. */
class AccountUnlockTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private LoginProperties settings;

    @Test
    void coordinatorSeesTheLockAndUnlocksTheAccount() {
        String username = fixtures.member(fixtures.organisation("ロック解除テスト", false));
        lock(username);
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");

        Grid<Account> grid = accountGrid();
        assertThat(badges(username)).containsExactly("有効", "ロック中");
        _click(rowButton(username, "ロック解除"));

        NotificationsKt.expectNotifications("アカウント「" + username + "」のロックを解除しました");
        assertThat(badges(username)).containsExactly("有効");
        assertThat(rowButtons(username)).doesNotContain("ロック解除");
        assertThat(fixtures.account(username).getLockedUntil()).isNull();
    }

    @Test
    void accountsThatAreNotLockedOfferNoUnlock() {
        String username = fixtures.member(fixtures.organisation("ロックなし", false));
        accounts.recordFailedLogin(username, "203.0.113.50");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/accounts");

        assertThat(badges(username)).containsExactly("有効");
        assertThat(rowButtons(username)).contains("無効にする").doesNotContain("ロック解除");
    }

    @Test
    void loginPageExplainsALockedAccount() {
        UI.getCurrent().navigate("login", QueryParameters.fromString("locked"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(shownTexts(form)).contains("アカウントがロックされています",
                settings.lockoutMinutes() + "分", "事務局にロック解除");
    }

    @Test
    void loginPageExplainsAThrottledAddress() {
        UI.getCurrent().navigate("login", QueryParameters.fromString("throttled"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(shownTexts(form)).contains("しばらくログインできません").doesNotContain("ロックされています");
    }

    @Test
    void loginPageKeepsTheGeneralMessageForAWrongPassword() {
        UI.getCurrent().navigate("login", QueryParameters.fromString("error"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(shownTexts(form)).contains("ログインできませんでした").doesNotContain("ロックされています");
        UI.getCurrent().navigate("login");
        assertThat(_get(LoginForm.class).isError()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withText("ロック解除"))).isEmpty();
    }

    /** The texts the form shows in the browser: its i18n property, as sent to the client. */
    private static String shownTexts(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    private void lock(String username) {
        for (int i = 0; i < settings.maxFailures(); i++) {
            accounts.recordFailedLogin(username, "203.0.113.50");
        }
    }

    /** The status badges in the account's row, as the office reads them. */
    private static List<String> badges(String username) {
        Grid<Account> grid = accountGrid();
        Component status = GridKt._getCellComponent(grid, rowOf(grid, username), "enabled");
        return _find(status, Badge.class).stream().map(Badge::getText).toList();
    }

    private static List<String> rowButtons(String username) {
        Grid<Account> grid = accountGrid();
        Component actions = GridKt._getCellComponent(grid, rowOf(grid, username), "actions");
        return _find(actions, Button.class).stream().map(Button::getText).toList();
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
}

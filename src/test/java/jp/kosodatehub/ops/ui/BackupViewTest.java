package jp.kosodatehub.ops.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.base.ui.NotFoundView;
import org.junit.jupiter.api.Test;

class BackupViewTest extends KaribuTest {

    @Test
    void theOfficeSeesTheBackupPageAndIsToldWhenTheDatabaseCannotBeBackedUp() {
        login(fixtures.coordinator());

        UI.getCurrent().navigate("admin/backup");

        assertThat(_get(H1.class).getText()).isEqualTo("データのバックアップ");
        // The test database lives in memory: H2 has no files to back up, and the office is told so.
        _click(_get(Button.class, spec -> spec.withText("今すぐバックアップ")));
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(notification -> assertThat(notification.getElement().getProperty("text"))
                        .startsWith("バックアップを作成できませんでした"));
    }

    @Test
    void aMemberIsRefusedTheBackupPage() {
        login(fixtures.member(fixtures.organisation("backup-member", true)));

        UI.getCurrent().navigate("admin/backup");

        _get(NotFoundView.class);
        assertThat(_find(BackupView.class)).isEmpty();
    }
}

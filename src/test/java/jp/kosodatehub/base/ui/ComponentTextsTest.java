package jp.kosodatehub.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.Upload;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.base.i18n.TranslationProvider;
import org.junit.jupiter.api.Test;

/** Vaadin's built-in texts come from the translation files in the page's language, not as Vaadin ships them. */
class ComponentTextsTest extends KaribuTest {

    @Test
    void japanesePagesGiveTheComponentsJapaneseTexts() {
        login(fixtures.coordinator());

        UI.getCurrent().navigate("admin/audit");
        assertThat(_get(AppLayout.class).getI18n().getDrawer()).isEqualTo("メニュー");
        assertThat(_get(DrawerToggle.class).getAriaLabel()).hasValue("メニューを開く・閉じる");
        DatePicker.DatePickerI18n calendar = _find(DatePicker.class).getFirst().getI18n();
        assertThat(calendar.getMonthNames()).startsWith("1月", "2月").hasSize(12);
        assertThat(calendar.getWeekdaysShort()).containsExactly("日", "月", "火", "水", "木", "金", "土");
        assertThat(calendar.getFirstDayOfWeek()).isZero();
        assertThat(calendar.getToday()).isEqualTo("今日");
        assertThat(calendar.getCancel()).isEqualTo("キャンセル");

        UI.getCurrent().navigate("my/events/new");
        assertThat(_get(DateTimePicker.class, spec -> spec.withLabel("開始")).getDatePickerI18n().getMonthNames())
                .startsWith("1月");

        UI.getCurrent().navigate("admin/goals");
        assertThat(_find(Upload.class)).isNotEmpty().allSatisfy(upload -> {
            assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("ファイルを選ぶ…");
            assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("ここにファイルをドロップ");
        });

        UI.getCurrent().navigate("my/password");
        assertThat(_find(PasswordField.class)).isNotEmpty().allSatisfy(field -> assertThat(
                field.getElement().getPropertyRaw("i18n").toString()).contains("パスワードを表示"));
    }

    @Test
    void englishPagesGiveThemEnglishTexts() {
        useLocale(TranslationProvider.ENGLISH);
        login(fixtures.coordinator());

        UI.getCurrent().navigate("admin/audit");
        assertThat(_get(AppLayout.class).getI18n().getDrawer()).isEqualTo("Menu");
        DatePicker.DatePickerI18n calendar = _find(DatePicker.class).getFirst().getI18n();
        assertThat(calendar.getMonthNames()).startsWith("January");
        assertThat(calendar.getToday()).isEqualTo("Today");
    }
}

package jp.kosodatehub.reference.ui;

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
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.reference.ReferenceItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReferenceDataViewTest extends KaribuTest {

    @Autowired
    private ReferenceDataService reference;

    @Test
    void coordinatorAddsDistrictAndItBecomesAChoice() {
        String code = TestFixtures.unique("kanaiwa");
        String nameJa = TestFixtures.unique("金石");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/reference");

        _click(_get(section("districts"), Button.class, spec -> spec.withText("地区を追加")));
        IntegerField sortOrder = _get(IntegerField.class, spec -> spec.withLabel("表示順"));
        assertThat(sortOrder.getValue()).isNotNull();
        _setValue(_get(TextField.class, spec -> spec.withLabel("コード")), code);
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称（日本語）")), nameJa);
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称（英語）")), "Kanaiwa");
        _setValue(sortOrder, 7);
        _click(_get(Button.class, spec -> spec.withText("保存")));

        NotificationsKt.expectNotifications("「" + nameJa + "」を保存しました");
        assertThat(_find(Dialog.class)).isEmpty();
        Grid<District> grid = grid("districts");
        int row = rowOf(grid, code);
        assertThat(GridKt._getFormattedRow(grid, row)).startsWith(code, nameJa, "Kanaiwa", "7");
        assertThat(GridKt._getFormatted(grid, row, "active")).contains("使用中");
        District saved = reference.activeDistricts().stream().filter(d -> d.getCode().equals(code)).findFirst()
                .orElseThrow();
        assertThat(saved.getNameJa()).isEqualTo(nameJa);
        assertThat(saved.getNameEn()).isEqualTo("Kanaiwa");
        assertThat(saved.getSortOrder()).isEqualTo(7);
    }

    @Test
    void coordinatorRetiresAnEventKindFromItsRow() {
        EventKind kind = fixtures.kind("ベビーマッサージ");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/reference");
        Grid<EventKind> grid = grid("kinds");

        GridKt._clickItem(grid, rowOf(grid, kind.getCode()));
        assertThat(_get(TextField.class, spec -> spec.withLabel("名称（日本語）")).getValue())
                .isEqualTo("ベビーマッサージ");
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称（英語）")), "Baby massage");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("使用中")), false);
        _click(_get(Button.class, spec -> spec.withText("保存")));

        grid = grid("kinds");
        assertThat(GridKt._getFormatted(grid, rowOf(grid, kind.getCode()), "active")).contains("使用停止");
        EventKind saved = reference.allKinds().stream().filter(k -> k.getId().equals(kind.getId())).findFirst()
                .orElseThrow();
        assertThat(saved.isActive()).isFalse();
        assertThat(saved.getNameEn()).isEqualTo("Baby massage");
        assertThat(reference.activeKinds()).doesNotContain(saved);
    }

    @Test
    void duplicateDistrictCodeIsShownAtTheFieldAndNothingIsSaved() {
        District existing = fixtures.district("大野地区");
        String marker = TestFixtures.unique("重複地区");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/reference");

        _click(_get(section("districts"), Button.class, spec -> spec.withText("地区を追加")));
        TextField code = _get(TextField.class, spec -> spec.withLabel("コード"));
        _setValue(code, existing.getCode());
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称（日本語）")), marker);
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称（英語）")), "Duplicate");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        HasValidationUtilsKt._expectInvalid(code, "このコードはすでに使われています");
        assertThat(_find(Dialog.class)).hasSize(1);
        assertThat(reference.allDistricts()).noneMatch(d -> d.getNameJa().equals(marker));
    }

    @Test
    void badlyFormedKindCodeIsShownAtTheFieldAndNothingIsSaved() {
        String marker = TestFixtures.unique("読み聞かせ");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/reference");

        _click(_get(section("kinds"), Button.class, spec -> spec.withText("種別を追加")));
        TextField code = _get(TextField.class, spec -> spec.withLabel("コード"));
        _setValue(code, "Story Time");
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称（日本語）")), marker);
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称（英語）")), "Story time");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        HasValidationUtilsKt._expectInvalid(code, "コードは半角英小文字・数字・ハイフンで入力してください");
        assertThat(reference.allKinds()).noneMatch(k -> k.getNameJa().equals(marker));
    }

    @Test
    void memberIsRefusedTheReferenceData() {
        Organisation organisation = fixtures.organisation("戸板児童館", false);
        login(fixtures.member(organisation));

        UI.getCurrent().navigate("admin/reference");

        // The access check answers "not found" rather than revealing that an admin page exists there.
        _get(NotFoundView.class);
        assertThat(_find(ReferenceDataView.class)).isEmpty();
    }

    private static Component section(String id) {
        return _get(Component.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T extends ReferenceItem> Grid<T> grid(String sectionId) {
        return _get(section(sectionId), Grid.class);
    }

    private static int rowOf(Grid<? extends ReferenceItem> grid, String code) {
        List<? extends ReferenceItem> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getCode().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("No row for " + code);
    }
}

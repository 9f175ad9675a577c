package jp.kosodatehub.organisations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValidationUtilsKt;
import jp.kosodatehub.base.ui.NotFoundView;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Optional;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.security.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrganisationsAdminViewTest extends KaribuTest {

    @Autowired
    private OrganisationService organisations;

    @Test
    void coordinatorCreatesOrganisationAndMarksItTrusted() {
        District district = fixtures.district("金石地区");
        String name = TestFixtures.unique("金石子育てサロン");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/organisations");

        _click(_get(Button.class, spec -> spec.withText("団体を登録")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("団体名")), name);
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), OrganisationKind.SALON);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("地区")), district);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("団体の紹介")), "毎週火曜日に公民館で開いています。");
        _setValue(_get(TextField.class, spec -> spec.withLabel("ホームページ")), "https://example.jp/salon");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("信頼済み — 承認なしで公開")), true);
        _click(_get(Button.class, spec -> spec.withText("保存")));

        NotificationsKt.expectNotifications("「" + name + "」を保存しました");
        assertThat(_find(Dialog.class)).isEmpty();
        Grid<Organisation> grid = organisationGrid();
        int row = rowOf(grid, name);
        assertThat(GridKt._getFormatted(grid, row, "kind")).isEqualTo("子育てサロン");
        assertThat(GridKt._getFormatted(grid, row, "district")).isEqualTo("金石地区");
        assertThat(GridKt._getFormatted(grid, row, "trusted")).contains("信頼済み");

        Organisation saved = stored(name).orElseThrow();
        assertThat(saved.isTrusted()).isTrue();
        assertThat(saved.isActive()).isTrue();
        assertThat(saved.getKind()).isEqualTo(OrganisationKind.SALON);
        assertThat(saved.getDistrict()).isEqualTo(district);
        assertThat(saved.getWebsite()).isEqualTo("https://example.jp/salon");
    }

    @Test
    void coordinatorOpensOrganisationFromItsRowAndDeactivatesIt() {
        Organisation organisation = fixtures.organisation("長町こども食堂", false);
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/organisations");
        Grid<Organisation> grid = organisationGrid();
        assertThat(GridKt._getFormatted(grid, rowOf(grid, organisation.getName()), "trusted"))
                .contains("承認が必要");

        GridKt._clickItem(grid, rowOf(grid, organisation.getName()));
        assertThat(_get(TextField.class, spec -> spec.withLabel("団体名")).getValue())
                .isEqualTo(organisation.getName());
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), OrganisationKind.CHILDREN_CAFETERIA);
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("活動中")), false);
        _click(_get(Button.class, spec -> spec.withText("保存")));

        grid = organisationGrid();
        assertThat(GridKt._getFormatted(grid, rowOf(grid, organisation.getName()), "active")).contains("休止中");
        Organisation saved = stored(organisation.getName()).orElseThrow();
        assertThat(saved.isActive()).isFalse();
        assertThat(saved.getKind()).isEqualTo(OrganisationKind.CHILDREN_CAFETERIA);
        assertThat(saved.getVersion()).isGreaterThan(organisation.getVersion());
    }

    @Test
    void markupInTheNameAndAnInvalidWebsiteAreShownAtTheFieldsAndNothingIsSaved() {
        String marker = TestFixtures.unique("xss");
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/organisations");

        _click(_get(Button.class, spec -> spec.withText("団体を登録")));
        TextField name = _get(TextField.class, spec -> spec.withLabel("団体名"));
        TextField website = _get(TextField.class, spec -> spec.withLabel("ホームページ"));
        _setValue(name, "<script>alert('" + marker + "')</script>");
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), OrganisationKind.NPO);
        _setValue(website, "www.example.jp");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        HasValidationUtilsKt._expectInvalid(name, "HTMLタグやスクリプトは使えません");
        HasValidationUtilsKt._expectInvalid(website, "http:// または https:// で始まるURLを入力してください");
        assertThat(_find(Dialog.class)).hasSize(1);
        assertThat(organisations.findAll()).noneMatch(org -> org.getName().contains(marker));
    }

    @Test
    void concurrentChangeIsReportedAndReloadShowsTheOtherPersonsVersion() {
        Organisation organisation = fixtures.organisation("元町子育てひろば", false);
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/organisations");
        Grid<Organisation> grid = organisationGrid();
        GridKt._clickItem(grid, rowOf(grid, organisation.getName()));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("団体の紹介")), "私の変更");

        Organisation meanwhile = organisations.find(organisation.getId()).orElseThrow();
        meanwhile.setDescription("先に保存された変更");
        SystemAccess.runAsSystem(() -> organisations.save(meanwhile));
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(stored(organisation.getName()).orElseThrow().getDescription()).isEqualTo("先に保存された変更");
        Notification warning = NotificationsKt.getNotifications().getLast();
        _click(_get(warning, Button.class, spec -> spec.withText("再読み込み")));
        assertThat(_get(TextArea.class, spec -> spec.withLabel("団体の紹介")).getValue()).isEqualTo("先に保存された変更");
    }

    @Test
    void memberIsRefusedTheOrganisationsAdmin() {
        login(fixtures.member(fixtures.organisation("森本児童館", false)));

        UI.getCurrent().navigate("admin/organisations");

        // The access check answers "not found" rather than revealing that an admin page exists there.
        _get(NotFoundView.class);
        assertThat(_find(OrganisationsAdminView.class)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Organisation> organisationGrid() {
        return _get(Grid.class);
    }

    private static int rowOf(Grid<Organisation> grid, String name) {
        List<Organisation> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No row for " + name + " in " + rows);
    }

    private Optional<Organisation> stored(String name) {
        return organisations.findAll().stream().filter(org -> org.getName().equals(name)).findFirst();
    }
}

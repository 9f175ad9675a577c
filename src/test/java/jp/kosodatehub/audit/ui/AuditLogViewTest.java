package jp.kosodatehub.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.audit.AuditEntry;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditLogViewTest extends KaribuTest {

    @Autowired
    EventService events;

    String member;
    Event event;

    @BeforeEach
    void setUp() {
        Organisation organisation = fixtures.organisation("audit-view", false);
        member = fixtures.member(organisation);
        event = fixtures.as(member, () -> events.save(draft(fixtures.kind("サロン"), "ひよこサロン")));
        EventDraft edit = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        edit.setTitle(TestFixtures.unique("ひよこサロン 春"));
        fixtures.as(member, () -> events.save(edit));
    }

    @Test
    @SuppressWarnings("unchecked")
    void officeFindsAnEventsChangesAndSeesEachFieldBeforeAndAfter() {
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/audit");

        _setValue(_get(Select.class, spec -> spec.withLabel("対象")), "Event");
        _setValue(_get(TextField.class, spec -> spec.withLabel("番号（ID）")), String.valueOf(event.getId()));
        _setValue(_get(TextField.class, spec -> spec.withLabel("変更した人（ユーザー名）")), member);

        Grid<AuditEntry> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains(member, "イベント・シリーズ", "変更", "タイトル");
        assertThat(GridKt._getFormattedRow(grid, 1)).contains("作成");

        grid.select(GridKt._get(grid, 0));
        String detail = BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withClasses("audit-detail")));
        assertThat(detail).contains("タイトル", "ひよこサロン → ひよこサロン 春");

        _setValue(_get(TextField.class, spec -> spec.withLabel("変更した人（ユーザー名）")), "nobody-" + member);
        assertThat(GridKt._size(grid)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void entriesMadeByTheApplicationReadInJapaneseWithEveryFieldNamed() {
        Organisation created = fixtures.organisation("audit-by-app", false);
        login(fixtures.coordinator());
        UI.getCurrent().navigate("admin/audit");

        _setValue(_get(Select.class, spec -> spec.withLabel("対象")), "Organisation");
        _setValue(_get(TextField.class, spec -> spec.withLabel("番号（ID）")), String.valueOf(created.getId()));

        Grid<AuditEntry> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(String.join(" ", GridKt._getFormattedRow(grid, 0))).contains("システム", "有効", "名前")
                .doesNotContain(AuditEntry.SYSTEM, "active");
        grid.select(GridKt._get(grid, 0));
        String detail = BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withClasses("audit-detail")));
        assertThat(detail).contains("システム", "有効").doesNotContain(AuditEntry.SYSTEM, "active");
    }

    @Test
    void membersAreRefusedTheAuditTrail() {
        login(member);

        UI.getCurrent().navigate("admin/audit");

        _get(NotFoundView.class);
    }
}

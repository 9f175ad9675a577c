package jp.kosodatehub.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Plan;
import com.vaadin.flow.component.select.Select;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningDraft;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two people edit the same record: the second save is refused with what changed; nothing is overwritten. */
class ConcurrentEditTest extends KaribuTest {

    @Autowired
    EventService events;

    @Autowired
    OpeningService openings;

    @Autowired
    GoalService goals;

    EventKind kind;
    String member;
    String coordinator;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("サロン");
        Organisation salon = fixtures.organisation("concurrent", false);
        member = fixtures.member(salon);
        coordinator = fixtures.coordinator();
    }

    @Test
    void secondEventSaveIsRefusedWithTheChangedFieldsAndKeepsTheFirstChange() {
        Event event = fixtures.as(member, () -> events.save(draft(kind, "ひよこサロン")));
        login(member);
        UI.getCurrent().navigate("my/events/" + event.getId());

        // Meanwhile the office corrects the title.
        EventDraft office = fixtures.as(coordinator, () -> events.loadForEdit(event.getId()));
        office.setTitle("ひよこサロン（事務局修正）");
        fixtures.as(coordinator, () -> events.save(office));

        _setValue(_get(TextField.class, spec -> spec.withLabel("会場名")), "富岡地区センター 2階");
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        ConcurrentChangeDialog dialog = _get(ConcurrentChangeDialog.class);
        String text = BasicUtilsKt.get_textRecursively(dialog);
        assertThat(dialog.getHeaderTitle()).isEqualTo("ほかの人が先に変更しました");
        assertThat(text).contains("上書きはしていません", "タイトル", coordinator).doesNotContain("事務局修正");
        Event stored = fixtures.as(member, () -> events.get(event.getId()));
        assertThat(stored.getTitle()).isEqualTo("ひよこサロン（事務局修正）");
        assertThat(stored.getVenueName()).isEqualTo("地区センター");

        // Closing keeps what the member typed; reloading shows the office's version.
        _click(_get(dialog, Button.class, spec -> spec.withText("閉じる（入力内容を残す）")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("会場名")).getValue())
                .isEqualTo("富岡地区センター 2階");
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));
        _click(_get(_get(ConcurrentChangeDialog.class), Button.class, spec -> spec.withText("再読み込み")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("タイトル")).getValue())
                .isEqualTo("ひよこサロン（事務局修正）");
    }

    @Test
    void secondOpeningSaveIsRefusedWithTheChangedFields() {
        Organisation organisation = fixtures.organisation("concurrent-openings", false);
        String staff = fixtures.member(organisation);
        Opening opening = fixtures.as(staff, () -> openings.save(VolunteerFixtures.draft("受付ボランティア")));
        login(staff);
        UI.getCurrent().navigate("my/volunteers/openings/" + opening.getId());

        OpeningDraft other = fixtures.as(coordinator, () -> openings.loadForEdit(opening.getId()));
        other.setPlace("富岡地区センター");
        fixtures.as(coordinator, () -> openings.save(other));

        _setValue(_get(TextField.class, spec -> spec.withLabel("担当者")), "担当 佐藤");
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        String text = BasicUtilsKt.get_textRecursively(_get(ConcurrentChangeDialog.class));
        assertThat(text).contains("場所", coordinator);
        Opening stored = fixtures.as(staff, () -> openings.get(opening.getId()));
        assertThat(stored.getContactPerson()).isEqualTo("担当 山田");
        assertThat(stored.getPlace()).isEqualTo("富岡地区センター");
    }

    @Test
    @SuppressWarnings("unchecked")
    void secondPlanSaveInTheGoalsAdminIsRefusedWithTheChangedFields() {
        String other = fixtures.coordinator();
        Plan plan = fixtures.as(coordinator, () -> goals.savePlan(
                new PlanForm(null, 0, TestFixtures.unique("第5期 協働の指針"), 2026, 2030)));
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);
        _click(_get(Button.class, spec -> spec.withText("計画を編集")));

        fixtures.as(other, () -> goals.savePlan(new PlanForm(plan.getId(), plan.getVersion(), plan.getName(), 2026,
                2031)));

        _setValue(_get(TextField.class, spec -> spec.withLabel("計画の名前")), "別の名前");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        String text = BasicUtilsKt.get_textRecursively(_get(ConcurrentChangeDialog.class));
        assertThat(text).contains(other, "最終年度");
        assertThat(fixtures.as(coordinator, () -> goals.plans()).stream()
                .filter(stored -> stored.getId().equals(plan.getId())).findFirst().orElseThrow().getName())
                .isEqualTo(plan.getName());
    }
}

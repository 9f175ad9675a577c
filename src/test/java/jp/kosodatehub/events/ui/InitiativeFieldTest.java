package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.InitiativeChoice;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The event form offers the plan's initiatives, and what the member picks is stored with the event. */
class InitiativeFieldTest extends KaribuTest {

    private static final String LABEL = "取組（この活動が目指すもの）";

    @Autowired
    EventService events;

    @Autowired
    GoalService goals;

    @Test
    @SuppressWarnings("unchecked")
    void chosenInitiativeIsSavedWithTheEvent() {
        String coordinator = fixtures.coordinator();
        Initiative initiative = fixtures.as(coordinator, () -> {
            Plan plan = goals.savePlan(new PlanForm(null, 0, TestFixtures.unique("協働の指針"), 2026, 2030));
            Pillar pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), 2, "親子が出会える地域の居場所づくり"));
            return goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), 2, "平日日中以外の居場所・イベントの試行"));
        });
        EventKind kind = fixtures.kind("ひろば");
        String member = fixtures.member(fixtures.organisation("field", false));
        login(member);
        UI.getCurrent().navigate("my/events/new");
        _setValue(_get(TextField.class, spec -> spec.withLabel("タイトル")), "日曜ひろば");
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), kind);
        _setValue(_get(DateTimePicker.class, spec -> spec.withLabel("開始")),
                LocalDate.now().plusDays(4).atTime(10, 0));
        _setValue(_get(TextField.class, spec -> spec.withLabel("会場名")), "地区センター");
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("対象年齢")), Set.of(AgeBand.AGE_0));

        MultiSelectComboBox<InitiativeChoice> field = _get(MultiSelectComboBox.class, spec -> spec.withLabel(LABEL));
        InitiativeChoice choice = field.getListDataView().getItems()
                .filter(item -> item.id().equals(initiative.getId())).findFirst().orElseThrow();
        assertThat(choice.label()).isEqualTo("2-② 平日日中以外の居場所・イベントの試行");
        _setValue(field, Set.of(choice));
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        NotificationsKt.expectNotifications("保存しました");
        Event saved = fixtures.as(member, () -> events.myEvents(Set.of(), 0, 1)).getFirst();
        assertThat(fixtures.as(member, () -> events.loadForEdit(saved.getId())).getInitiativeIds())
                .containsExactly(initiative.getId());
    }
}

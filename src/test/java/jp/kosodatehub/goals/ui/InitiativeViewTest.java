package jp.kosodatehub.goals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.TargetImageStatus;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Anyone sees an initiative with its target images, its indicators and the events tagged with it. */
class InitiativeViewTest extends KaribuTest {

    @Autowired
    GoalService goals;

    @Autowired
    EventService events;

    @Test
    void pageShowsIndicatorsAndTaggedEvents() {
        String coordinator = fixtures.coordinator();
        int year = FiscalYear.of(LocalDate.now());
        Initiative initiative = fixtures.as(coordinator, () -> {
            Plan plan = goals.savePlan(new PlanForm(null, 0, TestFixtures.unique("協働の指針"), year, year + 4));
            Pillar pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), 2, "親子が出会える地域の居場所づくり"));
            Initiative saved = goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), 2,
                    "平日日中以外の居場所・イベントの試行"));
            goals.saveTargetImage(new TargetImageForm(null, 0, saved.getId(), "休日に親子が使える居場所が開かれている。",
                    TargetImageStatus.IN_PROGRESS));
            goals.saveIndicator(new IndicatorForm(null, 0, saved.getId(), "休日に開く居場所の数", "か所",
                    IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("2"), LocalDate.now().minusYears(1),
                    new BigDecimal("6"), year + 4, null, "こども家庭支援課", UpdateFrequency.YEARLY, List.of(), null));
            return saved;
        });
        Organisation organisation = fixtures.organisation("view", true);
        String member = fixtures.member(organisation);
        Event event = fixtures.as(member, () -> {
            EventDraft draft = TestFixtures.draft(fixtures.kind("ひろば"), "日曜ひろば");
            draft.setInitiativeIds(Set.of(initiative.getId()));
            Event saved = events.save(draft);
            return events.submit(saved.getId(), saved.getVersion());
        });

        UI.getCurrent().navigate("goals/initiatives/" + initiative.getId());

        assertThat(_get(H1.class).getText()).isEqualTo("2-② 平日日中以外の居場所・イベントの試行");
        List<String> items = _find(ListItem.class).stream().map(item -> item.getElement().getTextRecursively())
                .toList();
        assertThat(items).anyMatch(text -> text.contains("休日に開く居場所の数") && text.contains("目標 6か所"));
        assertThat(items).anyMatch(text -> text.contains("休日に親子が使える居場所が開かれている。")
                && text.contains("取組中"));
        assertThat(_find(Anchor.class)).anyMatch(link -> link.getHref().equals("events/" + event.getId())
                && link.getText().equals("日曜ひろば"));
        assertThat(items).anyMatch(text -> text.endsWith("：1回"));
    }

    @Test
    void unknownInitiativeIsNotFound() {
        UI.getCurrent().navigate("goals/initiatives/999999999999");
        _get(NotFoundView.class);
    }
}
